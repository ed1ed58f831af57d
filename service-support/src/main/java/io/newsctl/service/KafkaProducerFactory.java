package io.newsctl.service;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.newsctl.stream.KafkaClientConfig;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;

/** The one producer a service writes its output with (thread-safe, shared). */
@Factory
public class KafkaProducerFactory {

    @Singleton
    @Bean(preDestroy = "close")
    Producer<byte[], byte[]> producer(KafkaSettings kafka, @Value("${micronaut.application.name}") String app) {
        return new KafkaProducer<>(KafkaClientConfig.producer(app, kafka.bootstrapServers(), kafka.clientOverrides()));
    }
}
