package io.newsctl.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsctl.embedded.NewsServersExtension;
import io.newsctl.embedded.ServerEndpoints;
import io.newsctl.model.DeadLetter;
import io.newsctl.model.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The runner against a real broker: commits only what was stored, dead-letters what never will be. */
@ExtendWith(NewsServersExtension.class)
class StageRunnerIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final ServerEndpoints servers;
    private String topic;
    private String group;

    StageRunnerIT(ServerEndpoints servers) {
        this.servers = servers;
    }

    @BeforeEach
    void freshTopic() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        topic = "stage-it-" + suffix;
        group = "stage-it-group-" + suffix;
        TopicAdmin.ensure(servers.kafkaBootstrap(), Map.of(), List.of(
                new TopicAdmin.TopicSpec(topic, 3, Map.of()),
                new TopicAdmin.TopicSpec(Topics.deadLetter(topic), 1, Map.of())), WAIT);
    }

    @Test
    void everyRecordIsHandledAndCommitted() throws Exception {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        produce(100, i -> "article-" + i);
        try (StageRunner runner = runner((batch) -> {
            batch.forEach(r -> seen.add(new String(r.value(), UTF_8)));
            return List.of();
        })) {
            runner.start();
            await().atMost(WAIT).until(() -> seen.size() == 100);
            await().atMost(WAIT).until(() -> committedTotal() == 100);
        }
        assertEquals(100, seen.size());
    }

    @Test
    void rejectedRecordsGoToTheDeadLetterTopicWithTheReasonAndTheRestContinues() throws Exception {
        Set<String> stored = ConcurrentHashMap.newKeySet();
        produce(20, i -> i % 5 == 0 ? "poison-" + i : "good-" + i);
        try (StageRunner runner = runner(batch -> {
            List<Rejection> rejections = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : batch) {
                String value = new String(record.value(), UTF_8);
                if (value.startsWith("poison")) {
                    rejections.add(new Rejection(record, "bad-json", "not JSON"));
                } else {
                    stored.add(value);
                }
            }
            return rejections;
        })) {
            runner.start();
            List<ConsumerRecord<byte[], byte[]>> letters = readDeadLetters(4);
            await().atMost(WAIT).until(() -> committedTotal() == 20);
            assertEquals(16, stored.size());
            for (ConsumerRecord<byte[], byte[]> letter : letters) {
                DeadLetter why = DeadLetterPublisher.describe(letter);
                assertEquals("test-stage", why.stage());
                assertEquals("bad-json", why.errorType());
                assertEquals(topic, why.topic());
                assertTrue(new String(letter.value(), UTF_8).startsWith("poison-"), "payload kept byte for byte");
                assertEquals("trace-1", new String(letter.headers().lastHeader("trace").value(), UTF_8),
                        "original headers kept");
            }
        }
    }

    @Test
    void aRecordThatCrashesTheHandlerIsIsolatedAndDeadLettered() throws Exception {
        Set<String> stored = ConcurrentHashMap.newKeySet();
        produce(10, i -> i == 7 ? "crash" : "fine-" + i);
        try (StageRunner runner = runner(batch -> {
            for (ConsumerRecord<byte[], byte[]> record : batch) {
                if (new String(record.value(), UTF_8).equals("crash")) {
                    throw new IllegalStateException("extractor bug");
                }
            }
            batch.forEach(r -> stored.add(new String(r.value(), UTF_8)));
            return List.of();
        })) {
            runner.start();
            List<ConsumerRecord<byte[], byte[]>> letters = readDeadLetters(1);
            await().atMost(WAIT).until(() -> committedTotal() == 10);
            assertEquals(9, stored.size());
            DeadLetter why = DeadLetterPublisher.describe(letters.get(0));
            assertEquals("processing-error", why.errorType());
            assertTrue(why.reason().contains("extractor bug"), why.reason());
        }
    }

    @Test
    void transientFailuresAreRetriedUntilTheBatchIsStoredAndNothingIsCommittedBefore() throws Exception {
        AtomicInteger failuresLeft = new AtomicInteger(3);
        List<String> stored = Collections.synchronizedList(new ArrayList<>());
        produce(5, i -> "r" + i);
        try (StageRunner runner = runner(batch -> {
            if (failuresLeft.getAndDecrement() > 0) {
                assertEquals(0, committedTotal(), "nothing committed while the sink is failing");
                throw new TransientException("sink unavailable");
            }
            batch.forEach(r -> stored.add(new String(r.value(), UTF_8)));
            return List.of();
        })) {
            runner.start();
            await().atMost(WAIT).until(() -> committedTotal() == 5);
            assertEquals(Set.of("r0", "r1", "r2", "r3", "r4"), Set.copyOf(stored));
            assertTrue(failuresLeft.get() < 0);
            assertTrue(runner.isRunning());
        }
    }

    private StageRunner runner(BatchHandler handler) {
        StageSettings settings = StageSettings.of("test-stage", servers.kafkaBootstrap(), group, topic)
                .withMaxPollRecords(50)
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
        return new StageRunner(settings, handler, new SimpleMeterRegistry());
    }

    private interface Values {
        String value(int i);
    }

    private void produce(int count, Values values) throws Exception {
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                KafkaClientConfig.producer("test", servers.kafkaBootstrap(), Map.of()))) {
            for (int i = 0; i < count; i++) {
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
                        ("key-" + i).getBytes(UTF_8), values.value(i).getBytes(UTF_8));
                record.headers().add("trace", "trace-1".getBytes(UTF_8));
                producer.send(record).get();
            }
        }
    }

    private long committedTotal() {
        try (Admin admin = Admin.create(KafkaClientConfig.admin(servers.kafkaBootstrap(), Map.of()))) {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            return committed.values().stream().filter(o -> o != null).mapToLong(OffsetAndMetadata::offset).sum();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private List<ConsumerRecord<byte[], byte[]>> readDeadLetters(int expected) {
        Map<String, Object> props = new HashMap<>(KafkaClientConfig.consumer(
                StageSettings.of("dlq-reader", servers.kafkaBootstrap(), group + "-dlq-reader", topic)));
        List<ConsumerRecord<byte[], byte[]>> letters = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.deadLetter(topic)));
            await().atMost(WAIT).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(letters::add);
                return letters.size() >= expected;
            });
        }
        assertEquals(expected, letters.size());
        return letters;
    }
}
