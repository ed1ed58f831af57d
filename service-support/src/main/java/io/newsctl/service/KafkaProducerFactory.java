package io.newsctl.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.newsctl.stream.KafkaClientConfig;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/**
 * The one producer a service writes its output with (thread-safe, shared). Its client metrics
 * (records sent, send latency, errors: {@code kafka_producer_*}) are published with the rest.
 */
@Factory
public class KafkaProducerFactory {

    @Singleton
    @Bean(preDestroy = "close")
    Producer<byte[], byte[]> producer(KafkaSettings kafka, @Value("${micronaut.application.name}") String app,
                                      MeterRegistry registry) {
        KafkaProducer<byte[], byte[]> producer =
                new KafkaProducer<>(KafkaClientConfig.producer(app, kafka.bootstrapServers(), kafka.clientOverrides()));
        new KafkaClientMetrics(producer).bindTo(registry);
        return producer;
    }
}
