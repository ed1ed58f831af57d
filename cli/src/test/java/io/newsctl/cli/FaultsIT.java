package io.newsctl.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsctl.embedded.EmbeddedElasticsearch;
import io.newsctl.embedded.EmbeddedKafka;
import io.newsctl.embedded.NewsServers;
import io.newsctl.embedded.RunningServers;
import io.newsctl.embedded.ServerEndpoints;
import io.newsctl.index.IndexLayout;
import io.newsctl.model.ArticleIds;
import io.newsctl.model.DeadLetter;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import io.newsctl.model.SegmentedText;
import io.newsctl.model.Topics;
import io.newsctl.stream.DeadLetterPublisher;
import io.newsctl.stream.KafkaClientConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults injected into the running pipeline (extract, index and alert as child JVMs) on real
 * servers, each test counting articles in and out: N distinct articles published, exactly those N
 * ids in the index afterwards, nothing left in consumer lag, and exactly the dead letters expected.
 *
 * <p>The class owns a private embedded Kafka broker and Elasticsearch node (so it can stop and
 * restart them on the same ports and data). When {@code NEWS_KAFKA_BOOTSTRAP} / {@code NEWS_ES_URL}
 * point at external servers, those are used instead and only the tests that must stop a server are
 * skipped. Groups, transactional ids and the index alias are this run's own either way.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {
    private static final Duration READY = Duration.ofMinutes(3);
    private static final Duration CATCH_UP = Duration.ofMinutes(3);
    /** The issue asks for 60 s; long enough for the index stage's back-off to reach its cap. */
    private static final Duration ES_OUTAGE = Duration.ofSeconds(60);
    private static final int EXTRACT_BATCH = 20;
    private static final int INDEX_BATCH = 50;
    private static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx384m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:TieredStopAtLevel=1", // several JVMs on two cores: C1 only, so (re)starts are not starved
            "-Dnews.kafka.properties.session.timeout.ms=10000");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final Path work = Path.of("target/faults-it").toAbsolutePath();
    private final Path logs = work.resolve("logs-" + run);
    private final IndexLayout layout = new IndexLayout("faults-" + run, 1);
    private final Map<String, String> env = new HashMap<>();
    private final Set<String> published = new LinkedHashSet<>();
    private final List<String> report = new ArrayList<>();
    private final ExecutorService tasks = Executors.newCachedThreadPool();
    private final AtomicInteger sequence = new AtomicInteger();

    private RunningServers servers;
    private ServerEndpoints endpoints;
    private KafkaGroups kafka;
    private Producer<byte[], byte[]> producer;
    private ServiceProcess extract;
    private ServiceProcess index;
    private ServiceProcess alert;

    @BeforeAll
    void startPipeline() throws Exception {
        Files.createDirectories(logs);
        boolean external = System.getenv("NEWS_KAFKA_BOOTSTRAP") != null || System.getenv("NEWS_ES_URL") != null;
        Path serverDir = work.resolve("servers-" + run);
        servers = external ? NewsServers.start(serverDir) : NewsServers.startEmbedded(serverDir);
        endpoints = servers.endpoints();
        kafka = new KafkaGroups(endpoints.kafkaBootstrap());
        kafka.ensurePipelineTopics(3);
        // a group of this run starts at the topics' current end: records of earlier runs are not ours
        kafka.commit(group("extract"), kafka.endOffsets(Topics.RAW));
        kafka.commit(group("index"), kafka.endOffsets(Topics.ENRICHED));
        kafka.commit(group("alert"), kafka.endOffsets(Topics.ENRICHED));
        env.putAll(Map.of(
                "NEWS_KAFKA_BOOTSTRAP_SERVERS", endpoints.kafkaBootstrap(),
                "NEWS_KAFKA_CREATE_TOPICS", "true", // the alert service also needs its rule and ledger topics
                "NEWS_EXTRACTOR_GROUP_ID", group("extract"),
                "NEWS_EXTRACTOR_MAX_POLL_RECORDS", Integer.toString(EXTRACT_BATCH),
                "NEWS_INDEXER_GROUP_ID", group("index"),
                "NEWS_INDEXER_MAX_POLL_RECORDS", Integer.toString(INDEX_BATCH),
                "NEWS_ELASTICSEARCH_URL", endpoints.elasticsearchUrl().toString(),
                "NEWS_ELASTICSEARCH_ALIAS", layout.alias(),
                "NEWS_ALERT_GROUP_ID", group("alert"),
                "NEWS_ALERT_WEBHOOK_GROUP_ID", group("alert-webhook")));
        env.put("NEWS_ALERT_TRANSACTIONAL_ID", "faults-" + run);
        List<CompletableFuture<ServiceProcess>> starting = List.of(
                CompletableFuture.supplyAsync(() -> startService("extract"), tasks),
                CompletableFuture.supplyAsync(() -> startService("index"), tasks),
                CompletableFuture.supplyAsync(() -> startService("alert"), tasks));
        extract = starting.get(0).join();
        index = starting.get(1).join();
        alert = starting.get(2).join();
        Map<String, Object> props = new HashMap<>(KafkaClientConfig.producer("faults-it", endpoints.kafkaBootstrap(),
                Map.of()));
        producer = new KafkaProducer<>(props);
    }

    @AfterAll
    void stopPipeline() throws IOException {
        try {
            for (ServiceProcess service : new ServiceProcess[] {extract, index, alert}) {
                if (service != null) {
                    service.close();
                }
            }
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
            if (kafka != null) {
                kafka.close();
            }
            tasks.shutdownNow();
        } finally {
            if (servers != null) {
                servers.close();
                RunningServersCleanup.deleteData(work.resolve("servers-" + run));
            }
            String text = String.join(System.lineSeparator(), report);
            System.out.println("=== faults report ===" + System.lineSeparator() + text);
            Files.writeString(logs.resolve("report.txt"), text + System.lineSeparator());
        }
    }

    // ---------------------------------------------------------------- poison records

    @Test
    @Order(1)
    void poisonRecordsOnEveryTopicAreDeadLetteredWithTheirReasonAndTheGoodOnesAroundThemIndexed() throws Exception {
        Map<TopicPartition, Long> rawDlqStart = kafka.endOffsets(Topics.deadLetter(Topics.RAW));
        Map<TopicPartition, Long> enrichedDlqStart = kafka.endOffsets(Topics.deadLetter(Topics.ENRICHED));
        List<RawArticle> before = articles("poison-before", 20, 300);
        publishAll(before);

        String p = "poison-" + run + "-";
        List<ProducerRecord<byte[], byte[]>> poison = new ArrayList<>();
        poison.add(record(Topics.RAW, p + "raw-bad-json", "{\"schemaVersion\":1,\"id\":".getBytes(UTF_8)));
        poison.add(record(Topics.RAW, p + "raw-schema-99", withSchemaVersion(ModelJson.encode(articles("v99", 1, 100).get(0)), 99)));
        RawArticle hugeRaw = article("huge-raw", 0, 1_000_000); // ~3 MB of UTF-8 body
        poison.add(record(Topics.RAW, p + "raw-huge", ModelJson.encode(hugeRaw)));
        poison.add(record(Topics.ENRICHED, p + "enriched-bad-json", "\u0000\u0001not json at all".getBytes(UTF_8)));
        poison.add(record(Topics.ENRICHED, p + "enriched-schema-99",
                withSchemaVersion(ModelJson.encode(enriched(article("v99e", 0, 100))), 99)));
        RawArticle hugeEnriched = article("huge-enriched", 0, 500_000); // ~1.5 MB body, ~3.7 MB record
        poison.add(record(Topics.ENRICHED, p + "enriched-huge", ModelJson.encode(enriched(hugeEnriched))));
        for (ProducerRecord<byte[], byte[]> record : poison) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
        // a record as large as the topic accepts that is not JSON: its dead letter (original bytes
        // plus headers) no longer fits in a record of that size
        byte[] nearLimit = new byte[KafkaClientConfig.MAX_RECORD_BYTES - 400];
        new Random(7).nextBytes(nearLimit);
        nearLimit[0] = '[';
        try (Producer<byte[], byte[]> uncompressed = new KafkaProducer<>(KafkaClientConfig.producer("faults-it-raw",
                endpoints.kafkaBootstrap(), Map.of("compression.type", "none")))) {
            uncompressed.send(record(Topics.RAW, p + "raw-near-limit", nearLimit)).get(30, TimeUnit.SECONDS);
        }
        List<RawArticle> after = articles("poison-after", 20, 300);
        publishAll(after);

        Set<String> good = ids(before);
        good.addAll(ids(after));
        awaitIndexed(good, "the good articles around the poison");

        Map<String, List<DeadLetter>> rawLetters = deadLetters(Topics.deadLetter(Topics.RAW), rawDlqStart, p);
        Map<String, List<DeadLetter>> enrichedLetters = deadLetters(Topics.deadLetter(Topics.ENRICHED),
                enrichedDlqStart, p);
        assertDeadLetter(rawLetters, p + "raw-bad-json", "extract", "bad-json");
        assertDeadLetter(rawLetters, p + "raw-schema-99", "extract", "unsupported-schema");
        assertDeadLetter(rawLetters, p + "raw-near-limit", "extract", "bad-json");
        for (String stage : List.of("index", "alert")) {
            assertDeadLetter(enrichedLetters, p + "enriched-bad-json", stage, "bad-json");
            assertDeadLetter(enrichedLetters, p + "enriched-schema-99", stage, "unsupported-schema");
        }
        // huge but acceptable records: processed, or dead-lettered with a reason — never stalled
        assertProcessedOrDeadLettered(hugeRaw.id(), rawLetters.get(p + "raw-huge"), "extract");
        assertProcessedOrDeadLettered(hugeEnriched.id(), enrichedLetters.get(p + "enriched-huge"), "index");
        awaitNoLag();
        assertEquals(good.size() + (isIndexed(hugeRaw.id()) ? 1 : 0) + (isIndexed(hugeEnriched.id()) ? 1 : 0),
                countIds(union(good, Set.of(hugeRaw.id(), hugeEnriched.id()))), "indexed ids of this test");
        report.add("poison: " + good.size() + " good articles indexed around 7 poison records; dead letters "
                + summary(rawLetters, p) + " " + summary(enrichedLetters, p) + "; huge raw "
                + (isIndexed(hugeRaw.id()) ? "indexed" : "dead-lettered") + ", huge enriched "
                + (isIndexed(hugeEnriched.id()) ? "indexed" : "dead-lettered"));
        published.addAll(good);
        if (isIndexed(hugeRaw.id())) {
            published.add(hugeRaw.id());
        }
        if (isIndexed(hugeEnriched.id())) {
            published.add(hugeEnriched.id());
        }
        assertServicesHealthy();
    }

    // ---------------------------------------------------------------- SIGKILL mid-batch

    @Test
    @Order(2)
    void extractKilledMidBatchAndRestartedLosesNothing() throws Exception {
        extract = killMidBatchAndRestart(extract, Topics.RAW);
    }

    @Test
    @Order(3)
    void indexKilledMidBatchAndRestartedLosesNothingAndDuplicatesNothing() throws Exception {
        index = killMidBatchAndRestart(index, Topics.ENRICHED);
    }

    private ServiceProcess killMidBatchAndRestart(ServiceProcess victim, String topic) throws Exception {
        String name = victim.name();
        Map<TopicPartition, Long> committedBefore = kafka.committed(group(name), topic);
        Flow flow = new Flow("kill-" + name, 100, 600); // 100 articles/s, ~1,200 chars each
        flow.start();
        // kill once the stage has committed work of this flow and is in the middle of a batch (the
        // scrape just before the kill shows the records it holds, polled and not committed)
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(20)).until(() ->
                sum(kafka.committed(group(name), topic)) - sum(committedBefore) >= 2L * batchOf(name));
        double[] inFlightAtKill = new double[1];
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(5)).until(() -> {
            inFlightAtKill[0] = metric(victim, "newsctl_stage_in_flight", name);
            return inFlightAtKill[0] > 0;
        });
        victim.kill();
        long lagAtKill = kafka.lag(group(name), topic);
        assertFalse(victim.isAlive(), name + " is gone");
        ServiceProcess restarted = startService(name);
        List<String> ids = flow.stop();
        awaitIndexed(Set.copyOf(ids), ids.size() + " articles after SIGKILL of " + name);
        awaitNoLag();
        assertEquals(ids.size(), countIds(Set.copyOf(ids)), "each article indexed once");
        long writes = sumVersions(Set.copyOf(ids));
        published.addAll(ids);
        assertEquals(published.size(), totalDocuments(), "no other document in the index");
        report.add(String.format("SIGKILL %s mid-batch (%.0f records in flight, %d in lag), restarted: %d in, %d"
                + " indexed once, %d document re-writes (re-delivered uncommitted work)", name, inFlightAtKill[0],
                lagAtKill, ids.size(), countIds(Set.copyOf(ids)), writes - ids.size()));
        assertServicesHealthy(restarted);
        return restarted;
    }

    private static int batchOf(String stage) {
        return stage.equals("extract") ? EXTRACT_BATCH : INDEX_BATCH;
    }

    // ---------------------------------------------------------------- Elasticsearch read-only (429)

    @Test
    @Order(4)
    void elasticsearchRefusingWritesMakesTheIndexStageBackOffThenCatchUpWithoutLoss() throws Exception {
        double retriesBefore = metric(index, "newsctl_stage_retries_total", "index");
        setReadOnly(true);
        List<String> ids;
        try {
            List<RawArticle> articles = articles("read-only", 150, 300);
            publishAll(articles);
            ids = List.copyOf(ids(articles));
            // blocked: the stage retries with back-off and commits nothing
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250)).until(() ->
                    metric(index, "newsctl_stage_retries_total", "index") >= retriesBefore + 3);
            assertEquals(0, countIds(Set.copyOf(ids)), "nothing written while the index is read-only");
            assertTrue(kafka.lag(group("index"), Topics.ENRICHED) > 0, "the index stage holds its records");
        } finally {
            setReadOnly(false);
        }
        long unblocked = System.nanoTime();
        awaitIndexed(Set.copyOf(ids), "the articles held back by the read-only block");
        Duration catchUp = Duration.ofNanos(System.nanoTime() - unblocked);
        awaitNoLag();
        published.addAll(ids);
        assertEquals(published.size(), totalDocuments(), "every article once, nothing else");
        String log = Files.readString(index.logFile());
        assertTrue(log.contains("cluster_block_exception"), "the index log names the block; see " + index.logFile());
        assertTrue(log.contains("retrying in"), "the index log says it backs off; see " + index.logFile());
        double retries = metric(index, "newsctl_stage_retries_total", "index") - retriesBefore;
        report.add(String.format("read-only index (429 cluster_block_exception): %d in, %d indexed after the block"
                + " was lifted (caught up in %.1f s), %.0f batch retries", ids.size(), countIds(Set.copyOf(ids)),
                catchUp.toMillis() / 1000.0, retries));
        assertServicesHealthy();
    }

    // ---------------------------------------------------------------- Kafka broker restart

    @Test
    @Order(5)
    void kafkaBrokerRestartedMidRunLosesNothing() throws Exception {
        EmbeddedKafka broker = servers.embeddedKafka().orElse(null);
        assumeTrue(broker != null, "Kafka is external (NEWS_KAFKA_BOOTSTRAP): this test cannot restart it");
        Flow flow = new Flow("kafka-restart", 20, 300);
        flow.start();
        await().atMost(Duration.ofMinutes(1)).until(() -> flow.acknowledged() >= 40);
        // a burst just before the stop, so both stages are mid-batch when the broker goes away
        List<RawArticle> burst = articles("kafka-restart-burst", 400, 600);
        publishAll(burst);
        long inFlight = kafka.lag(group("extract"), Topics.RAW) + kafka.lag(group("index"), Topics.ENRICHED);
        long stopped = System.nanoTime();
        broker.stop();
        Thread.sleep(5_000); // the deliberate outage: the flow and the stages run into it
        broker.restart();
        Duration down = Duration.ofNanos(System.nanoTime() - stopped);
        int sentAtRestart = flow.sent();
        await().atMost(Duration.ofMinutes(2)).until(() -> flow.acknowledged() >= sentAtRestart + 40);
        List<String> ids = new ArrayList<>(flow.stop());
        ids.addAll(ids(burst));
        awaitIndexed(Set.copyOf(ids), ids.size() + " articles across the broker restart");
        awaitNoLag();
        published.addAll(ids);
        assertEquals(ids.size(), countIds(Set.copyOf(ids)));
        assertEquals(published.size(), totalDocuments(), "every article once, nothing else");
        report.add(String.format("Kafka broker down %.1f s (stop + restart on the same port and data) with %d records"
                + " not yet committed by extract and index: %d in, %d indexed", down.toMillis() / 1000.0, inFlight,
                ids.size(), countIds(Set.copyOf(ids))));
        assertServicesHealthy();
    }

    // ---------------------------------------------------------------- Elasticsearch outage

    @Test
    @Order(6)
    void elasticsearchStoppedForAMinuteMakesThePipelinePauseThenResumeWithEveryArticleIndexedOnce()
            throws Exception {
        EmbeddedElasticsearch node = servers.embeddedElasticsearch().orElse(null);
        assumeTrue(node != null, "Elasticsearch is external (NEWS_ES_URL): this test cannot stop it");
        double retriesBefore = metric(index, "newsctl_stage_retries_total", "index");
        Flow flow = new Flow("es-outage", 10, 300);
        flow.start();
        await().atMost(Duration.ofMinutes(1)).until(() -> flow.sent() >= 30);
        Set<String> early = new LinkedHashSet<>(flow.sentIds().subList(0, 30));
        awaitIndexed(early, "the first articles of the flow, before the outage");
        long stoppedAt = System.nanoTime();
        node.stop();
        // once the stage backs off, the batch it had in flight failed and nothing more is committed
        await().atMost(ES_OUTAGE.dividedBy(2)).pollInterval(Duration.ofMillis(100)).until(() ->
                metric(index, "newsctl_stage_retries_total", "index") > retriesBefore);
        Map<TopicPartition, Long> committedEarly = kafka.committed(group("index"), Topics.ENRICHED);
        long remaining = ES_OUTAGE.toNanos() - (System.nanoTime() - stoppedAt);
        TimeUnit.NANOSECONDS.sleep(Math.max(0, remaining)); // the deliberate outage: 60 s from the stop
        Map<TopicPartition, Long> committedLate = kafka.committed(group("index"), Topics.ENRICHED);
        long lagAtRestart = kafka.lag(group("index"), Topics.ENRICHED);
        double retriesDuringOutage = metric(index, "newsctl_stage_retries_total", "index") - retriesBefore;
        node.restart();
        long restartedAt = System.nanoTime();
        assertEquals(committedEarly, committedLate, "the index stage commits nothing while Elasticsearch is down");
        assertTrue(lagAtRestart > 0, "articles waited in Kafka during the outage");
        assertTrue(retriesDuringOutage >= 3, "the index stage retried with back-off: " + retriesDuringOutage);
        int sentAtRestart = flow.sent();
        await().atMost(Duration.ofMinutes(1)).until(() -> flow.sent() >= sentAtRestart + 30);
        List<String> ids = flow.stop();
        awaitIndexed(Set.copyOf(ids), ids.size() + " articles across the Elasticsearch outage");
        Duration resumed = Duration.ofNanos(System.nanoTime() - restartedAt);
        awaitNoLag();
        published.addAll(ids);
        assertEquals(ids.size(), countIds(Set.copyOf(ids)), "every article of the run indexed");
        assertEquals(published.size(), totalDocuments(), "every article once, nothing else");
        report.add(String.format("Elasticsearch stopped for %.0f s: %d in (%d waiting in Kafka at restart), %d indexed"
                        + " once, all searchable %.1f s after the node was back; %.0f batch retries during the outage",
                (restartedAt - stoppedAt) / 1e9, ids.size(), lagAtRestart, countIds(Set.copyOf(ids)),
                resumed.toMillis() / 1000.0, retriesDuringOutage));
        assertServicesHealthy();
    }

    // ---------------------------------------------------------------- helpers: services

    private ServiceProcess startService(String name) {
        ServiceProcess service = ServiceProcess.start(name, DemoPipeline.freePort(), env, JVM_OPTIONS,
                logs.resolve(name + "-" + sequence.incrementAndGet()));
        service.awaitReady(READY);
        return service;
    }

    private String group(String stage) {
        return "faults-" + stage + "-" + run;
    }

    private void assertServicesHealthy(ServiceProcess... also) throws Exception {
        for (ServiceProcess service : new ServiceProcess[] {extract, index, alert}) {
            if (service != null && service.isAlive()) {
                assertEquals(200, service.get("/health/readiness").statusCode(),
                        service.name() + " ready (its stage still consumes); see " + service.logFile());
            }
        }
        for (ServiceProcess service : also) {
            assertEquals(200, service.get("/health/readiness").statusCode(), service.name() + " ready");
        }
    }

    /** Sum of a Prometheus series of the service with tag stage="…". */
    private static double metric(ServiceProcess service, String name, String stage) throws Exception {
        HttpResponse<String> scrape = service.get("/prometheus");
        assertEquals(200, scrape.statusCode());
        return scrape.body().lines()
                .filter(l -> l.startsWith(name + "{") && l.contains("stage=\"" + stage + "\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }

    private void awaitNoLag() {
        await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(250)).until(() ->
                kafka.lag(group("extract"), Topics.RAW) == 0
                        && kafka.lag(group("index"), Topics.ENRICHED) == 0
                        && kafka.lag(group("alert"), Topics.ENRICHED) == 0);
    }

    // ---------------------------------------------------------------- helpers: articles and records

    private List<RawArticle> articles(String label, int n, int bodyChars) {
        List<RawArticle> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(article(label, i, bodyChars));
        }
        return list;
    }

    private RawArticle article(String label, int n, int bodyChars) {
        String url = "https://faults.example/" + run + "/" + label + "/" + n;
        String sentence = "第" + n + "条：寒武纪发布新一代AI芯片思元" + (n % 900) + "，英伟达H20对华出口仍受限。"
                + "摩尔线程与华为昇腾910B在国产算力市场竞争，营收" + (n % 97) + "亿元。";
        StringBuilder body = new StringBuilder(bodyChars + sentence.length());
        while (body.length() < bodyChars) {
            body.append(sentence);
        }
        String text = body.toString();
        return new RawArticle(ModelJson.SCHEMA_VERSION, ArticleIds.of(url), url, url, "faults.example", "faults-it",
                Instant.now(), "generic", "故障测试" + label + n, "记者" + (n % 10), null,
                OffsetDateTime.of(2025, 7, 25, 10, 0, 0, 0, ZoneOffset.ofHours(8)), null, text, "zh-Hans",
                ArticleIds.contentHash(text), null);
    }

    /** A structurally valid enriched article, its body cut into two-character words. */
    private static EnrichedArticle enriched(RawArticle raw) {
        StringBuilder segmented = new StringBuilder(raw.body().length() * 3 / 2);
        for (int i = 0; i < raw.body().length(); i += 2) {
            if (i > 0) {
                segmented.append(SegmentedText.SEPARATOR);
            }
            segmented.append(raw.body(), i, Math.min(i + 2, raw.body().length()));
        }
        return new EnrichedArticle(ModelJson.SCHEMA_VERSION, raw, List.of(), List.of(), List.of(), List.of(),
                List.of(), raw.body().substring(0, Math.min(100, raw.body().length())),
                new SegmentedText(raw.title(), "", segmented.toString()), Instant.now(), "faults-it");
    }

    private static byte[] withSchemaVersion(byte[] json, int version) throws IOException {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) ModelJson.mapper().readTree(json);
        tree.put("schemaVersion", version);
        return ModelJson.mapper().writeValueAsBytes(tree);
    }

    private static ProducerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        return new ProducerRecord<>(topic, key.getBytes(UTF_8), value);
    }

    private void publishAll(List<RawArticle> articles) throws Exception {
        List<Future<RecordMetadata>> acks = new ArrayList<>();
        for (RawArticle article : articles) {
            acks.add(producer.send(record(Topics.RAW, article.url(), ModelJson.encode(article))));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(60, TimeUnit.SECONDS);
        }
    }

    private static Set<String> ids(List<RawArticle> articles) {
        Set<String> ids = new LinkedHashSet<>();
        articles.forEach(a -> ids.add(a.id()));
        return ids;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * Articles published at a steady rate on a thread of its own; only acknowledged sends count as
     * "in". A send the producer finally gives up on fails the test when the flow stops.
     */
    private final class Flow {
        private final String label;
        private final int perSecond;
        private final int bodyChars;
        private final List<String> sent = new ArrayList<>();
        private final List<Future<RecordMetadata>> acks = new ArrayList<>();
        private final AtomicInteger acknowledged = new AtomicInteger();
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private int next;

        Flow(String label, int perSecond, int bodyChars) {
            this.label = label;
            this.perSecond = perSecond;
            this.bodyChars = bodyChars;
        }

        void start() {
            long tickMs = 100;
            int perTick = Math.max(1, perSecond / 10);
            timer.scheduleAtFixedRate(() -> {
                for (int i = 0; i < perTick; i++) {
                    RawArticle article = article(label, next++, bodyChars);
                    Future<RecordMetadata> ack = producer.send(record(Topics.RAW, article.url(),
                            ModelJson.encode(article)), (metadata, error) -> {
                                if (error == null) {
                                    acknowledged.incrementAndGet();
                                }
                            });
                    synchronized (this) {
                        sent.add(article.id());
                        acks.add(ack);
                    }
                }
            }, 0, tickMs, TimeUnit.MILLISECONDS);
        }

        synchronized int sent() {
            return sent.size();
        }

        synchronized List<String> sentIds() {
            return List.copyOf(sent);
        }

        int acknowledged() {
            return acknowledged.get();
        }

        /** Stops sending; returns the ids of every article sent, each acknowledged by the broker. */
        List<String> stop() throws Exception {
            timer.shutdown();
            assertTrue(timer.awaitTermination(30, TimeUnit.SECONDS));
            producer.flush();
            List<Future<RecordMetadata>> all;
            synchronized (this) {
                all = List.copyOf(acks);
            }
            for (Future<RecordMetadata> ack : all) {
                ack.get(2, TimeUnit.MINUTES); // throws if the broker never took it: "in" must be certain
            }
            return sentIds();
        }
    }

    // ---------------------------------------------------------------- helpers: Elasticsearch

    private void awaitIndexed(Set<String> ids, String what) {
        await(what).atMost(CATCH_UP).pollInterval(Duration.ofMillis(500))
                .until(() -> countIds(ids) == ids.size());
    }

    private boolean isIndexed(String id) throws Exception {
        return countIds(Set.of(id)) == 1;
    }

    /** How many of these ids the index holds (each _id at most once, by construction of the index). */
    private long countIds(Set<String> ids) throws Exception {
        String body = "{\"query\":{\"ids\":{\"values\":" + ModelJson.mapper().writeValueAsString(ids) + "}}}";
        HttpResponse<String> response = es("POST", "/" + layout.alias() + "/_count", body);
        return response.statusCode() == 200
                ? ModelJson.mapper().readTree(response.body()).path("count").asLong() : -1;
    }

    private long totalDocuments() throws Exception {
        es("POST", "/" + layout.alias() + "/_refresh", null);
        HttpResponse<String> response = es("GET", "/" + layout.alias() + "/_count", null);
        assertEquals(200, response.statusCode(), response.body());
        return ModelJson.mapper().readTree(response.body()).path("count").asLong();
    }

    /** Sum of the _version of these documents: one per write, so writes beyond N are re-deliveries. */
    private long sumVersions(Set<String> ids) throws Exception {
        String body = "{\"size\":" + ids.size() + ",\"_source\":false,\"version\":true,\"query\":{\"ids\":{\"values\":"
                + ModelJson.mapper().writeValueAsString(ids) + "}}}";
        HttpResponse<String> response = es("POST", "/" + layout.alias() + "/_search", body);
        assertEquals(200, response.statusCode(), response.body());
        long sum = 0;
        for (JsonNode hit : ModelJson.mapper().readTree(response.body()).path("hits").path("hits")) {
            sum += hit.path("_version").asLong();
        }
        return sum;
    }

    private void setReadOnly(boolean readOnly) throws Exception {
        // what Elasticsearch itself does at the flood-stage disk watermark; writes then get 429
        String body = "{\"index.blocks.read_only_allow_delete\":" + (readOnly ? "true" : "null") + "}";
        HttpResponse<String> response = es("PUT", "/" + layout.alias() + "/_settings", body);
        assertEquals(200, response.statusCode(), response.body());
    }

    private HttpResponse<String> es(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoints.elasticsearchUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---------------------------------------------------------------- helpers: dead letters

    /** Dead letters since {@code start} whose key starts with {@code prefix}, by key. */
    private Map<String, List<DeadLetter>> deadLetters(String topic, Map<TopicPartition, Long> start, String prefix) {
        Map<String, Object> props = new HashMap<>(KafkaClientConfig.admin(endpoints.kafkaBootstrap(), Map.of()));
        props.put("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        props.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        props.put("enable.auto.commit", "false");
        props.put("max.partition.fetch.bytes", KafkaClientConfig.MAX_RECORD_BYTES * 2);
        Map<String, List<DeadLetter>> letters = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            Map<TopicPartition, Long> end = kafka.endOffsets(topic);
            consumer.assign(end.keySet());
            end.keySet().forEach(tp -> consumer.seek(tp, start.getOrDefault(tp, 0L)));
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    String key = record.key() == null ? "" : new String(record.key(), UTF_8);
                    if (key.startsWith(prefix)) {
                        letters.computeIfAbsent(key, k -> new ArrayList<>()).add(DeadLetterPublisher.describe(record));
                    }
                }
                return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
        }
        return letters;
    }

    private static void assertDeadLetter(Map<String, List<DeadLetter>> letters, String key, String stage,
                                         String errorType) {
        List<DeadLetter> found = letters.getOrDefault(key, List.of()).stream()
                .filter(l -> l.stage().equals(stage)).toList();
        assertEquals(1, found.size(), "one dead letter of " + stage + " for " + key + " in " + letters.keySet());
        DeadLetter letter = found.get(0);
        assertEquals(errorType, letter.errorType(), key + ": " + letter);
        assertFalse(letter.reason().isBlank(), key + " has a reason");
    }

    private void assertProcessedOrDeadLettered(String id, List<DeadLetter> letters, String stage) throws Exception {
        boolean indexed = isIndexed(id);
        boolean deadLettered = letters != null && letters.stream().anyMatch(l -> l.stage().equals(stage)
                && !l.errorType().isBlank() && !l.reason().isBlank());
        assertTrue(indexed != deadLettered, id + " is either indexed (" + indexed + ") or dead-lettered by " + stage
                + " with a reason (" + letters + ")");
    }

    private static String summary(Map<String, List<DeadLetter>> letters, String prefix) {
        List<String> parts = new ArrayList<>();
        letters.forEach((key, list) -> list.forEach(l -> parts.add(key.substring(prefix.length())
                + "→" + l.stage() + ":" + l.errorType())));
        return parts.toString();
    }

    /** Deletes the servers' data (not their logs) once they are stopped. */
    private static final class RunningServersCleanup {
        static void deleteData(Path dir) throws IOException {
            for (String data : List.of("kafka", "elasticsearch")) {
                Path path = dir.resolve(data);
                if (Files.exists(path)) {
                    try (var walk = Files.walk(path)) {
                        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            }
        }
    }
}
