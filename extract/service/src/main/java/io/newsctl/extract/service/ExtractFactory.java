package io.newsctl.extract.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.newsctl.extract.Extractor;
import io.newsctl.model.Topics;
import io.newsctl.service.ConsumerStage;
import io.newsctl.service.KafkaSettings;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.producer.Producer;

/** Wires the framework-free extractor into the service. */
@Factory
public class ExtractFactory {

    @Singleton
    Extractor extractor() {
        // Loads the knowledge base into HanLP once, before any thread segments (not thread-safe later).
        return Extractor.createDefault();
    }

    @Singleton
    @Named("analysis")
    @Bean(preDestroy = "shutdown")
    ExecutorService analysisPool(ExtractorSettings settings) {
        return Executors.newFixedThreadPool(settings.effectiveThreads(), Thread.ofPlatform().name("analysis-", 0).factory());
    }

    @Singleton
    @Bean(preDestroy = "close")
    ConsumerStage extractStage(KafkaSettings kafka, ExtractorSettings settings, Extractor extractor,
                               Producer<byte[], byte[]> producer, @Named("analysis") ExecutorService pool,
                               MeterRegistry registry) {
        return new ConsumerStage("extract", Topics.RAW, settings.groupId(), settings.maxPollRecords(), kafka,
                new ExtractHandler(extractor, producer, pool), registry);
    }
}
