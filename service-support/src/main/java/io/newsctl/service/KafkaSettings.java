package io.newsctl.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.MapFormat;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.Map;

/**
 * Kafka settings every service shares ({@code news.kafka.*}, or env {@code NEWS_KAFKA_*}).
 *
 * @param bootstrapServers broker addresses
 * @param createTopics     create missing topics at start-up (dev, demo, tests); off in production
 *                         where topics are declared as Strimzi resources
 * @param partitions       partitions of topics created at start-up
 * @param groupInstanceId  static group membership id, e.g. the pod name; empty for dynamic membership
 * @param properties       extra Kafka client properties (security.protocol, sasl.*, ssl.* …)
 */
@ConfigurationProperties("news.kafka")
public record KafkaSettings(
        @NotBlank String bootstrapServers,
        @Bindable(defaultValue = "true") boolean createTopics,
        @Bindable(defaultValue = "3") @Min(1) @Max(1000) int partitions,
        @Nullable String groupInstanceId,
        @Nullable @MapFormat(transformation = MapFormat.MapTransformation.FLAT) Map<String, String> properties) {

    public Map<String, String> clientOverrides() {
        return properties == null ? Map.of() : properties;
    }
}
