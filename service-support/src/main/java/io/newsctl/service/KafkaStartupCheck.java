package io.newsctl.service;

import io.micronaut.core.order.Ordered;
import io.newsctl.stream.KafkaConnectionCheck;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first start-up task of every service: connect to Kafka once with the configured security, so
 * wrong credentials or certificates stop the service with a clear message (see
 * {@link KafkaConnectionCheck}) rather than leaving its clients retrying in the background.
 * Skipped where {@code news.consumers.enabled} is false: such an instance serves only its HTTP API.
 */
@Singleton
public class KafkaStartupCheck implements StartupTask, Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(KafkaStartupCheck.class);
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final KafkaSettings kafka;
    private final ConsumersSettings consumers;

    public KafkaStartupCheck(KafkaSettings kafka, ConsumersSettings consumers) {
        this.kafka = kafka;
        this.consumers = consumers;
    }

    @Override
    public void run() {
        if (!consumers.enabled()) {
            return; // an API-only instance (the search API) does not use Kafka
        }
        var security = kafka.kafkaSecurity();
        int brokers = KafkaConnectionCheck.verify(kafka.bootstrapServers(), kafka.clientOverrides(), TIMEOUT);
        LOG.info("Kafka at {} answered ({} broker(s), {} as {})", kafka.bootstrapServers(), brokers,
                security.protocol(), security.principal());
    }

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }
}
