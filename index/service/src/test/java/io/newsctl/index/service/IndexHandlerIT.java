package io.newsctl.index.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsctl.embedded.NewsServersExtension;
import io.newsctl.embedded.ServerEndpoints;
import io.newsctl.index.BulkWriter;
import io.newsctl.index.DocumentMapper;
import io.newsctl.index.EsClients;
import io.newsctl.index.EsConnection;
import io.newsctl.index.IndexBootstrap;
import io.newsctl.index.IndexLayout;
import io.newsctl.index.bench.SyntheticArticles;
import io.newsctl.model.DeadLetter;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.Figure;
import io.newsctl.model.ModelJson;
import io.newsctl.model.Topics;
import io.newsctl.stream.DeadLetterPublisher;
import io.newsctl.stream.StageRunner;
import io.newsctl.stream.StageSettings;
import io.newsctl.stream.TopicAdmin;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The indexing consumer on a real broker and a real Elasticsearch node: poison documents are
 * dead-lettered with Elasticsearch's error type while their batch-mates are stored; while
 * Elasticsearch is unreachable nothing is committed, and everything is indexed once it is back.
 */
@ExtendWith(NewsServersExtension.class)
class IndexHandlerIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void mappingRejectedDocumentGoesToTheDeadLetterTopicAndTheRestAreIndexed(ServerEndpoints servers) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "it-enriched-" + run;
        IndexLayout layout = new IndexLayout("dlq-it-" + run, 1);
        try (ElasticsearchClient client = es(servers.elasticsearchUrl().toString())) {
            new IndexBootstrap(client).ensure(layout);
            createTopics(servers, topic);
            SyntheticArticles generator = new SyntheticArticles(11);
            List<EnrichedArticle> good = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                good.add(generator.article(i));
            }
            EnrichedArticle poison = withInfiniteFigure(generator.article(100));
            List<byte[]> values = new ArrayList<>();
            good.subList(0, 3).forEach(a -> values.add(ModelJson.encode(a)));
            values.add(ModelJson.encode(poison));
            good.subList(3, 6).forEach(a -> values.add(ModelJson.encode(a)));
            produce(servers, topic, values);

            try (BulkWriter writer = new BulkWriter(client, layout);
                 StageRunner runner = runner(servers, topic, "dlq-it-" + run, new IndexHandler(new DocumentMapper(), writer))) {
                runner.start();
                await().atMost(WAIT).until(() -> committed(servers, "dlq-it-" + run, topic) == 7);
            }
            client.indices().refresh(r -> r.index(layout.alias()));
            assertEquals(6, client.count(c -> c.index(layout.alias())).count());
            assertTrue(!client.exists(e -> e.index(layout.alias()).id(poison.id())).value(), "poison not stored");

            List<ConsumerRecord<byte[], byte[]>> dead = readAll(servers, Topics.deadLetter(topic), 1);
            assertEquals(1, dead.size());
            DeadLetter letter = DeadLetterPublisher.describe(dead.get(0));
            assertEquals("index", letter.stage());
            assertTrue(List.of("document_parsing_exception", "mapper_parsing_exception").contains(letter.errorType()),
                    letter.toString());
            assertTrue(letter.reason().contains("figures.value"), letter.reason());
            assertEquals(poison.id(), ModelJson.decodeEnriched(dead.get(0).value()).id());
        }
    }

    @Test
    void nothingIsCommittedWhileElasticsearchIsDownAndAllIsIndexedOnceItIsBack(ServerEndpoints servers) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String topic = "it-enriched-" + run;
        String group = "down-it-" + run;
        IndexLayout layout = new IndexLayout("down-it-" + run, 1);
        URIParts es = URIParts.of(servers.elasticsearchUrl().toString());
        try (ElasticsearchClient direct = es(servers.elasticsearchUrl().toString());
             SwitchableProxy proxy = new SwitchableProxy(es.port())) {
            new IndexBootstrap(direct).ensure(layout);
            createTopics(servers, topic);
            SyntheticArticles generator = new SyntheticArticles(12);
            List<byte[]> values = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                values.add(ModelJson.encode(generator.article(i)));
            }
            produce(servers, topic, values);
            try (ElasticsearchClient viaProxy = es("http://127.0.0.1:" + proxy.port());
                 BulkWriter writer = new BulkWriter(viaProxy, layout.alias(), true, BulkWriter.Settings.DEFAULT
                         .withRetries(2, Duration.ofMillis(50), Duration.ofMillis(100)));
                 StageRunner runner = runner(servers, topic, group, new IndexHandler(new DocumentMapper(), writer))) {
                runner.start(); // proxy is down: connections refused
                await().atMost(WAIT).until(() -> runner.state() == StageRunner.State.BACKING_OFF);
                assertEquals(0, committed(servers, group, topic), "nothing committed while Elasticsearch is down");
                direct.indices().refresh(r -> r.index(layout.alias()));
                assertEquals(0, direct.count(c -> c.index(layout.alias())).count());

                proxy.up();
                await().atMost(WAIT).until(() -> committed(servers, group, topic) == 5);
            }
            direct.indices().refresh(r -> r.index(layout.alias()));
            assertEquals(5, direct.count(c -> c.index(layout.alias())).count());
            assertEquals(0, readAll(servers, Topics.deadLetter(topic), 0).size(), "an outage dead-letters nothing");
        }
    }

    // ---- helpers ----

    private record URIParts(String host, int port) {
        static URIParts of(String url) {
            java.net.URI uri = java.net.URI.create(url);
            return new URIParts(uri.getHost(), uri.getPort());
        }
    }

    private static EnrichedArticle withInfiniteFigure(EnrichedArticle a) {
        List<Figure> figures = new ArrayList<>(a.figures());
        Figure f = figures.get(0);
        figures.set(0, new Figure(f.kind(), f.text(), new BigDecimal("1e400"), null, f.unit(), f.metric(), f.subject(),
                f.period(), false, f.span()));
        return new EnrichedArticle(a.schemaVersion(), a.article(), a.entities(), figures, a.tags(), a.evidence(),
                a.keywords(), a.digest(), a.segmented(), a.enrichedAt(), a.extractor());
    }

    private static ElasticsearchClient es(String url) {
        return EsClients.create(EsConnection.of(url));
    }

    private static StageRunner runner(ServerEndpoints servers, String topic, String group, IndexHandler handler) {
        StageSettings settings = StageSettings.of("index", servers.kafkaBootstrap(), group, topic)
                .withMaxPollRecords(50)
                .withBackoff(Duration.ofMillis(100), Duration.ofMillis(500));
        return new StageRunner(settings, handler, new SimpleMeterRegistry());
    }

    private static void createTopics(ServerEndpoints servers, String topic) {
        TopicAdmin.ensure(servers.kafkaBootstrap(), Map.of(), List.of(
                new TopicAdmin.TopicSpec(topic, 1, Map.of()),
                new TopicAdmin.TopicSpec(Topics.deadLetter(topic), 1, Map.of())), WAIT);
    }

    private static void produce(ServerEndpoints servers, String topic, List<byte[]> values) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", servers.kafkaBootstrap());
        p.put("max.request.size", 4 * 1024 * 1024);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, "k".getBytes(StandardCharsets.UTF_8), value)).get();
            }
        }
    }

    private static long committed(ServerEndpoints servers, String group, String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", servers.kafkaBootstrap()))) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            OffsetAndMetadata offset = offsets.get(new TopicPartition(topic, 0));
            return offset == null ? 0 : offset.offset();
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(ServerEndpoints servers, String topic, int expected) {
        Properties p = new Properties();
        p.put("bootstrap.servers", servers.kafkaBootstrap());
        p.put("group.id", "reader-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(expected == 0 ? 3 : 30).toNanos();
            while (System.nanoTime() < deadline && (expected == 0 || records.size() < expected)) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

}
