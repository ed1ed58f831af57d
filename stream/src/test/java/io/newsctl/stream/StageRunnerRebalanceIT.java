package io.newsctl.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsctl.embedded.NewsServersExtension;
import io.newsctl.embedded.ServerEndpoints;
import io.newsctl.model.Topics;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Instances of a stage joining and leaving while a backlog drains, with both group protocols:
 * every record is handled exactly once (offsets committed after each batch, and on revocation), and
 * an instance that is closed finishes its batch and leaves the group at once instead of holding its
 * partitions until the session times out.
 */
@ExtendWith(NewsServersExtension.class)
class StageRunnerRebalanceIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int RECORDS = 4_000;
    private static final int PARTITIONS = 6;
    /** Far above the time a graceful leave takes; the default session timeout is 45 s. */
    private static final Duration PROMPT_LEAVE = Duration.ofSeconds(10);

    private final ServerEndpoints servers;

    StageRunnerRebalanceIT(ServerEndpoints servers) {
        this.servers = servers;
    }

    @ParameterizedTest(name = "group.protocol={0}")
    @ValueSource(strings = {"classic", "consumer"})
    void instancesJoiningAndLeavingGracefullyNeitherLoseNorRepeatARecord(String protocol) throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String topic = "rebalance-it-" + suffix;
        String group = "rebalance-it-group-" + suffix;
        TopicAdmin.ensure(servers.kafkaBootstrap(), Map.of(), List.of(
                new TopicAdmin.TopicSpec(topic, PARTITIONS, Map.of()),
                new TopicAdmin.TopicSpec(Topics.deadLetter(topic), 1, Map.of())), WAIT);
        produce(topic);

        Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();
        AtomicInteger total = new AtomicInteger();
        BatchHandler handler = batch -> {
            for (var record : batch) {
                work(record.value());
                handled.computeIfAbsent(new String(record.value(), UTF_8), k -> new AtomicInteger()).incrementAndGet();
                total.incrementAndGet();
            }
            return List.of();
        };
        StageSettings settings = StageSettings.of("rebalance-" + protocol, servers.kafkaBootstrap(), group, topic)
                .withMaxPollRecords(20)
                .withClientOverrides(Map.of("group.protocol", protocol));
        MeterRegistry registryA = new SimpleMeterRegistry();
        List<StageRunner> runners = new ArrayList<>();
        try {
            StageRunner a = new StageRunner(settings, handler, registryA);
            runners.add(a);
            a.start();
            await().atMost(WAIT).until(() -> total.get() >= RECORDS / 5);
            StageRunner b = new StageRunner(settings, handler, new SimpleMeterRegistry());
            runners.add(b);
            b.start();
            await().atMost(WAIT).until(() -> members(group) == 2);
            StageRunner c = new StageRunner(settings, handler, new SimpleMeterRegistry());
            runners.add(c);
            c.start();
            await().atMost(WAIT).until(() -> members(group) == 3);
            assertTrue(total.get() < RECORDS, "the instances joined while records were still flowing");

            long closing = System.nanoTime();
            a.close();
            await().atMost(PROMPT_LEAVE).until(() -> members(group) == 2);
            Duration left = Duration.ofNanos(System.nanoTime() - closing);
            assertEquals(StageRunner.State.STOPPED, a.state());
            assertTrue(registryA.get("newsctl.stage.rebalances").tag("event", "revoked").counter().count() >= 1,
                    "the first instance gave partitions up when the others joined");

            await().atMost(WAIT).until(() -> total.get() >= RECORDS && committed(group, topic) == RECORDS);
            System.out.printf("group.protocol=%s: instance closed and left the group in %d ms%n", protocol,
                    left.toMillis());
        } finally {
            runners.forEach(StageRunner::close);
        }
        assertEquals(RECORDS, handled.size(), "every record handled");
        List<String> repeated = handled.entrySet().stream().filter(e -> e.getValue().get() > 1)
                .map(Map.Entry::getKey).sorted().toList();
        assertEquals(List.of(), repeated, "no record handled twice");
        assertEquals(RECORDS, total.get());
        assertEquals(RECORDS, committed(group, topic));
    }

    /** Some CPU per record, so batches are in flight when the group changes. */
    private static void work(byte[] value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] out = value;
            for (int i = 0; i < 300; i++) {
                out = digest.digest(out);
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void produce(String topic) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                KafkaClientConfig.producer("rebalance-it", servers.kafkaBootstrap(), Map.of()))) {
            // A burst sent before every partition of a fresh topic has its leader can leave the
            // idempotent producer retrying out-of-order sequences; wait for the leaders first.
            await().atMost(WAIT).until(() -> producer.partitionsFor(topic).stream()
                    .filter(p -> p.leader() != null && !p.leader().isEmpty()).count() == PARTITIONS);
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, ("key-" + i).getBytes(UTF_8), ("value-" + i).getBytes(UTF_8)));
            }
            producer.flush();
        }
    }

    private int members(String group) throws Exception {
        try (Admin admin = admin()) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            return description.members().size();
        }
    }

    private long committed(String group, String topic) throws InterruptedException, ExecutionException {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    private Admin admin() {
        return Admin.create(KafkaClientConfig.admin(servers.kafkaBootstrap(), Map.of()));
    }
}
