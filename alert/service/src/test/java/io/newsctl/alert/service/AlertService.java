package io.newsctl.alert.service;

import io.newsctl.api.ApiKeyReader;
import io.newsctl.api.ApiKeyValidator;

import static org.awaitility.Awaitility.await;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.newsctl.embedded.ServerEndpoints;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.ModelJson;
import io.newsctl.model.Topics;
import io.newsctl.stream.KafkaClientConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** The alert service started for a test against the shared real servers, with what tests do to it. */
final class AlertService implements AutoCloseable {
    static final String ANALYST_KEY = "analyst-key-for-tests-0123456789";
    static final String VIEWER_KEY = "viewer-key-for-tests-0123456789";
    /** Keys of the shared news.api.auth settings: another analyst, and an admin. */
    static final String OTHER_ANALYST_KEY = "it-other-analyst-key-42";
    static final String ADMIN_KEY = "it-admin-key-7";
    static final Duration WAIT = Duration.ofSeconds(60);

    final ServerEndpoints servers;
    final EmbeddedServer server;
    final String groupId;
    final String webhookGroupId;
    private final HttpClient http = HttpClient.newHttpClient();
    private final KafkaProducer<byte[], byte[]> producer;

    private AlertService(ServerEndpoints servers, EmbeddedServer server, String groupId) {
        this.servers = servers;
        this.server = server;
        this.groupId = groupId;
        this.webhookGroupId = (String) server.getApplicationContext()
                .getProperty("news.alert.webhook-group-id", String.class).orElseThrow();
        this.producer = new KafkaProducer<>(KafkaClientConfig.producer("alert-it", servers.kafkaBootstrap(),
                Map.of()));
    }

    /** A fresh instance (own consumer groups, random port), with extra properties. */
    static AlertService start(ServerEndpoints servers, Map<String, Object> extra) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", -1);
        props.put("news.kafka.bootstrap-servers", servers.kafkaBootstrap());
        props.put("news.kafka.partitions", 3);
        props.put("news.alert.group-id", "alert-it-" + run);
        props.put("news.alert.webhook-group-id", "alert-webhook-it-" + run);
        props.put("news.alert.auth.analyst-keys", List.of(ANALYST_KEY));
        props.put("news.alert.auth.viewer-keys", List.of("sha256:" + java.util.HexFormat.of().formatHex(
                ApiKeyValidator.sha256(VIEWER_KEY))));
        props.put("news.api.auth.analyst-keys", List.of(OTHER_ANALYST_KEY));
        props.put("news.api.auth.admin-keys", List.of(ADMIN_KEY));
        props.put("news.alert.webhook-allowed-cidrs", List.of("127.0.0.1/32"));
        props.put("news.alert.webhook-max-attempts", 3);
        props.put("news.alert.webhook-initial-backoff", "50ms");
        props.put("news.alert.webhook-max-backoff", "200ms");
        props.putAll(extra);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props);
        AlertService service = new AlertService(servers, server, (String) props.get("news.alert.group-id"));
        await().atMost(WAIT).until(() -> service.get("/health", null).statusCode() == 200);
        return service;
    }

    HttpResponse<String> get(String path, String key) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), key);
    }

    HttpResponse<String> post(String path, String json, String key) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), key);
    }

    HttpResponse<String> put(String path, String json, String key) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)), key);
    }

    HttpResponse<String> delete(String path, String key) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE(), key);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getPort() + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String key) {
        if (key != null) {
            request.header(ApiKeyReader.HEADER, key);
        }
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Publishes articles as extract does (key = canonical URL) and waits for the broker's ack. */
    void publish(EnrichedArticle... articles) {
        for (EnrichedArticle article : articles) {
            try {
                producer.send(new ProducerRecord<>(Topics.ENRICHED,
                        article.article().url().getBytes(StandardCharsets.UTF_8), ModelJson.encode(article))).get();
            } catch (Exception e) {
                throw new IllegalStateException("publish failed", e);
            }
        }
    }

    /** A read_committed consumer of a whole topic from its beginning. */
    static KafkaConsumer<byte[], byte[]> reader(ServerEndpoints servers, String topic) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", servers.kafkaBootstrap());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic, WAIT).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    /** Everything readable now from a reader (polls until a poll returns nothing). */
    static List<ConsumerRecord<byte[], byte[]>> drain(KafkaConsumer<byte[], byte[]> consumer) {
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        while (true) {
            var records = consumer.poll(Duration.ofMillis(300));
            if (records.isEmpty()) {
                return out;
            }
            records.forEach(out::add);
        }
    }

    /** True once this instance's matching stage has committed everything on articles.enriched. */
    boolean matchedEverything() {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of("bootstrap.servers", servers.kafkaBootstrap()))) {
            var committed = admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(Topics.ENRICHED)).allTopicNames().get().get(Topics.ENRICHED).partitions()
                    .forEach(p -> latest.put(new TopicPartition(Topics.ENRICHED, p.partition()),
                            org.apache.kafka.clients.admin.OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            for (var end : ends.entrySet()) {
                var done = committed.get(end.getKey());
                if (end.getValue().offset() > 0 && (done == null || done.offset() < end.getValue().offset())) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        server.getApplicationContext().close();
    }
}
