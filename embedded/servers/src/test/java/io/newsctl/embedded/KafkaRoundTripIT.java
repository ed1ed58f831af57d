package io.newsctl.embedded;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.newsctl.embedded.ServerEndpoints.Backend;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(NewsServersExtension.class)
class KafkaRoundTripIT {

    @Test
    void everyProducedMessageIsConsumedOnceAndKeysStayOnTheirPartition(ServerEndpoints servers) throws Exception {
        String topic = "roundtrip-" + UUID.randomUUID();
        createTopic(servers, topic);
        Map<String, String> sent = new HashMap<>();
        Map<String, Integer> partitionOfKey = new HashMap<>();
        try (KafkaProducer<String, String> producer = producer(servers, Map.of())) {
            Map<String, Future<RecordMetadata>> acks = new HashMap<>();
            for (int i = 0; i < 200; i++) {
                String key = "article-" + (i % 20);
                String value = "第" + i + "条新闻";
                sent.put(value, key);
                acks.put(value, producer.send(new ProducerRecord<>(topic, key, value)));
            }
            for (Map.Entry<String, Future<RecordMetadata>> ack : acks.entrySet()) {
                String key = sent.get(ack.getKey());
                int partition = ack.getValue().get(20, TimeUnit.SECONDS).partition();
                Integer before = partitionOfKey.putIfAbsent(key, partition);
                assertEquals(before == null ? partition : before, partition, "key " + key + " moved");
            }
        }

        Map<String, ConsumerRecord<String, String>> received = new ConcurrentHashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer(servers, "roundtrip-group")) {
            consumer.subscribe(List.of(topic));
            await("all 200 messages").atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (received.put(r.value(), r) != null) {
                        throw new AssertionError("duplicate " + r.value());
                    }
                });
                return received.size() >= sent.size();
            });
            consumer.commitSync(Duration.ofSeconds(10));
        }

        assertEquals(sent.keySet(), received.keySet());
        received.forEach((value, record) -> {
            assertEquals(sent.get(value), record.key());
            assertEquals(partitionOfKey.get(record.key()), record.partition());
        });
    }

    @Test
    void topicsGetTheDevBrokerDefaults(ServerEndpoints servers) throws Exception {
        assumeTrue(servers.mode().kafka() != Backend.EXTERNAL, "an external broker has its own defaults");
        String topic = "defaults-" + UUID.randomUUID();
        createTopic(servers, topic);

        try (Admin admin = admin(servers)) {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                    .get(10, TimeUnit.SECONDS).get(topic);
            assertEquals(3, description.partitions().size(), "num.partitions");
        }

        // message.max.bytes is ~4 MB: a 3 MB article page must fit (the client limit is raised to match)
        String big = "新".repeat(1024 * 1024); // 3 MB in UTF-8
        try (KafkaProducer<String, String> producer = producer(servers,
                Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, BrokerDefaults.MESSAGE_MAX_BYTES))) {
            RecordMetadata meta = producer.send(new ProducerRecord<>(topic, "big", big)).get(20, TimeUnit.SECONDS);
            assertEquals(0, meta.offset());
        }
    }

    @Test
    void unknownTopicsAreCreatedOnFirstUse(ServerEndpoints servers) throws Exception {
        assumeTrue(servers.mode().kafka() != Backend.EXTERNAL, "an external broker has its own defaults");
        String topic = "auto-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer(servers, Map.of())) {
            producer.send(new ProducerRecord<>(topic, "k", "v")).get(20, TimeUnit.SECONDS);
        }
        try (Admin admin = admin(servers)) {
            Set<String> names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            assertEquals(Optional.of(topic), names.stream().filter(topic::equals).findFirst());
        }
    }

    private static void createTopic(ServerEndpoints servers, String topic) throws Exception {
        try (Admin admin = admin(servers)) {
            // partitions and replication from the broker's defaults
            admin.createTopics(List.of(new NewTopic(topic, Optional.empty(), Optional.empty())))
                    .all().get(20, TimeUnit.SECONDS);
        }
    }

    private static Admin admin(ServerEndpoints servers) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrap());
        return Admin.create(p);
    }

    private static KafkaProducer<String, String> producer(ServerEndpoints servers, Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 20_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
        p.putAll(extra);
        return new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(ServerEndpoints servers, String group) {
        Map<String, Object> p = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrap(),
                ConsumerConfig.GROUP_ID_CONFIG, group + "-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }
}
