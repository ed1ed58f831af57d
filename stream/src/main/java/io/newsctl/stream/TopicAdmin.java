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
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
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

    /**
     * Creates the missing topics and returns once every one of them is visible with its partitions:
     * a consumer or producer started right after this call finds them. Several services may run
     * this at once; a topic another one created meanwhile is fine.
     */
    public static void ensure(String bootstrapServers, Map<String, String> clientOverrides, List<TopicSpec> topics,
                              Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(KafkaClientConfig.admin(bootstrapServers, clientOverrides))) {
            Set<String> existing = admin.listTopics().names().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (TopicSpec topic : topics) {
                if (!existing.contains(topic.name())) {
                    missing.add(new NewTopic(topic.name(), topic.partitions(), (short) -1).configs(topic.configs()));
                }
            }
            if (!missing.isEmpty()) {
                for (Map.Entry<String, KafkaFuture<Void>> created : admin.createTopics(missing).values().entrySet()) {
                    try {
                        created.getValue().get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
                    } catch (ExecutionException e) {
                        if (!(e.getCause() instanceof TopicExistsException)) {
                            throw e;
                        }
                    }
                }
            }
            awaitVisible(admin, topics.stream().map(TopicSpec::name).toList(), deadline);
        } catch (ExecutionException e) {
            RuntimeException refused = KafkaConnectionCheck.explainIfRefused(e.getCause(), bootstrapServers,
                    clientOverrides, timeout);
            if (refused != null) {
                throw refused;
            }
            throw new IllegalStateException("cannot create topics on " + bootstrapServers + ": " + e, e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot create topics on " + bootstrapServers + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        }
    }

    /** A new topic reaches the brokers' metadata a moment after its creation is acknowledged. */
    private static void awaitVisible(Admin admin, List<String> names, long deadline)
            throws InterruptedException, TimeoutException, ExecutionException {
        while (true) {
            try {
                Map<String, TopicDescription> described = admin.describeTopics(names).allTopicNames()
                        .get(remainingMillis(deadline), TimeUnit.MILLISECONDS);
                if (described.values().stream().noneMatch(d -> d.partitions().isEmpty())) {
                    return;
                }
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw e;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("topics " + names + " not visible in the cluster's metadata");
            }
            Thread.sleep(50); // metadata propagation takes milliseconds; bounded by the deadline
        }
    }

    private static long remainingMillis(long deadline) {
        return Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
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
