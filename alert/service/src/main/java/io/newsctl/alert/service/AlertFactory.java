package io.newsctl.alert.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.newsctl.alert.TagRule;
import io.newsctl.model.Tags;
import io.newsctl.model.Topics;
import io.newsctl.service.ConsumerStage;
import io.newsctl.service.KafkaSettings;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;

/** Wires the rule matcher into the service. */
@Factory
public class AlertFactory {

    @Singleton
    @Bean(preDestroy = "close")
    ConsumerStage alertStage(KafkaSettings kafka, Producer<byte[], byte[]> producer, MeterRegistry registry,
                             @Value("${news.alerter.group-id:alert}") String groupId) {
        // Until rules are managed through the API (issue 6), one built-in rule: export-policy news.
        List<TagRule> rules = List.of(new TagRule("export-policy", "Export-policy news", Tags.EXPORT_POLICY));
        return new ConsumerStage("alert", Topics.ENRICHED, groupId, 100, kafka,
                new AlertHandler(rules, producer, Clock.systemUTC()), registry);
    }
}
