package io.newsctl.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsctl.stream.BatchHandler;
import io.newsctl.stream.StageRunner;
import io.newsctl.stream.StageSettings;
import io.newsctl.stream.TopicAdmin;
import java.time.Duration;

/**
 * A service's consumer: the {@link StageRunner} plus what the Micronaut side needs from it (start
 * after the context is up, stop on shutdown, report readiness). Created by each service's factory.
 */
public final class ConsumerStage implements AutoCloseable {
    private final StageSettings settings;
    private final KafkaSettings kafka;
    private final StageRunner runner;

    public ConsumerStage(String stage, String inputTopic, String groupId, int maxPollRecords, KafkaSettings kafka,
                         BatchHandler handler, MeterRegistry registry) {
        this.kafka = kafka;
        this.settings = StageSettings.of(stage, kafka.bootstrapServers(), groupId, inputTopic)
                .withMaxPollRecords(maxPollRecords)
                .withGroupInstanceId(kafka.groupInstanceId())
                .withClientOverrides(kafka.clientOverrides());
        this.runner = new StageRunner(settings, handler, registry);
    }

    public void start() {
        if (kafka.createTopics()) {
            TopicAdmin.ensure(kafka.bootstrapServers(), kafka.clientOverrides(),
                    TopicAdmin.pipelineTopics(kafka.partitions()), Duration.ofSeconds(30));
        }
        runner.start();
    }

    public String name() {
        return settings.stage();
    }

    public StageRunner.State state() {
        return runner.state();
    }

    public boolean isRunning() {
        return runner.isRunning();
    }

    public Throwable failure() {
        return runner.failure();
    }

    @Override
    public void close() {
        runner.close();
    }
}
