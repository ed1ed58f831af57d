package io.newsctl.cli;

import io.newsctl.stream.KafkaClientConfig;
import io.newsctl.stream.TopicAdmin;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** What a test or a benchmark needs to know about topics and consumer groups, through one Admin client. */
final class KafkaGroups implements AutoCloseable {
    private static final long TIMEOUT_MS = 30_000;
    private final String bootstrap;
    private final Admin admin;

    KafkaGroups(String bootstrap) {
        this.bootstrap = bootstrap;
        this.admin = Admin.create(KafkaClientConfig.admin(bootstrap, Map.of()));
    }

    /** The pipeline's topics exist, each consuming topic with at least {@code partitions} partitions. */
    void ensurePipelineTopics(int partitions) {
        TopicAdmin.ensure(bootstrap, Map.of(), TopicAdmin.pipelineTopics(partitions), Duration.ofSeconds(30));
        Map<String, NewPartitions> grow = new HashMap<>();
        for (TopicAdmin.TopicSpec spec : TopicAdmin.pipelineTopics(partitions)) {
            TopicDescription topic = get(admin.describeTopics(List.of(spec.name())).allTopicNames()).get(spec.name());
            if (topic.partitions().size() < spec.partitions()) {
                grow.put(spec.name(), NewPartitions.increaseTo(spec.partitions()));
            }
        }
        if (!grow.isEmpty()) {
            get(admin.createPartitions(grow).all());
        }
    }

    Map<TopicPartition, Long> endOffsets(String topic) {
        TopicDescription description = get(admin.describeTopics(List.of(topic)).allTopicNames()).get(topic);
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        description.partitions().forEach(p -> request.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, Long> end = new HashMap<>();
        get(admin.listOffsets(request).all()).forEach((tp, info) -> end.put(tp, info.offset()));
        return end;
    }

    /** Committed offsets of {@code group} on {@code topic}; partitions without a commit are absent. */
    Map<TopicPartition, Long> committed(String group, String topic) {
        Map<TopicPartition, Long> committed = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> offsets =
                get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        offsets.forEach((tp, offset) -> {
            if (offset != null && tp.topic().equals(topic)) {
                committed.put(tp, offset.offset());
            }
        });
        return committed;
    }

    /** Records of {@code topic} not yet committed by {@code group}. */
    long lag(String group, String topic) {
        Map<TopicPartition, Long> committed = committed(group, topic);
        return endOffsets(topic).entrySet().stream()
                .mapToLong(e -> e.getValue() - committed.getOrDefault(e.getKey(), 0L)).sum();
    }

    /** Starts an unused group at the given offsets (e.g. the current end: it skips older records). */
    void commit(String group, Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        offsets.forEach((tp, offset) -> commit.put(tp, new OffsetAndMetadata(offset)));
        get(admin.alterConsumerGroupOffsets(group, commit).all());
    }

    List<MemberDescription> members(String group) {
        return List.copyOf(get(admin.describeConsumerGroups(List.of(group)).all()).get(group).members());
    }

    /** Whether a member of {@code group} belongs to the process {@code pid} (client ids carry the pid). */
    boolean hasMemberOf(String group, String stage, long pid) {
        String prefix = stage + "-consumer-" + pid + "-";
        return members(group).stream().anyMatch(m -> m.clientId().startsWith(prefix));
    }

    void deleteRecordsBefore(Map<TopicPartition, Long> offsets) {
        Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
        offsets.forEach((tp, offset) -> delete.put(tp, RecordsToDelete.beforeOffset(offset)));
        get(admin.deleteRecords(delete).all());
    }

    void deleteGroups(Set<String> groups) {
        get(admin.deleteConsumerGroups(groups).all());
    }

    private static <T> T get(org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e.getCause() != null ? e.getCause() : e);
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
