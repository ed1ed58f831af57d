package io.newsctl.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the pipeline's topics when they are missing (dev, tests, the demo). In production the
 * topics are declared as Strimzi KafkaTopic resources and this is switched off.
 */
public final class TopicAdmin {
    /** A topic to create: name, partitions and topic configs. */
    public record TopicSpec(String name, int partitions, Map<String, String> configs) {
    }

    private TopicAdmin() {
    }

    public static void ensure(String bootstrapServers, Map<String, String> clientOverrides, List<TopicSpec> topics,
                              Duration timeout) {
        try (Admin admin = Admin.create(KafkaClientConfig.admin(bootstrapServers, clientOverrides))) {
            Set<String> existing = admin.listTopics().names().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec topic : topics) {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), topic.partitions(), (short) -1).configs(topic.configs()));
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e; // another instance creating the same topics at once is fine
                }
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics on " + bootstrapServers + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /** The pipeline's topics and their dead-letter topics, with {@code partitions} each. */
    public static List<TopicSpec> pipelineTopics(int partitions) {
        Map<String, String> large = Map.of("max.message.bytes", Integer.toString(KafkaClientConfig.MAX_RECORD_BYTES));
        List<TopicSpec> specs = new ArrayList<>();
        for (String topic : List.of(io.newsctl.model.Topics.RAW, io.newsctl.model.Topics.ENRICHED,
                io.newsctl.model.Topics.ALERTS)) {
            specs.add(new TopicSpec(topic, partitions, large));
            specs.add(new TopicSpec(io.newsctl.model.Topics.deadLetter(topic), 1, large));
        }
        return specs;
    }
}
