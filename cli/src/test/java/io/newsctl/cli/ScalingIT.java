package io.newsctl.cli;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsctl.embedded.NewsServersExtension;
import io.newsctl.embedded.ServerEndpoints;
import io.newsctl.index.IndexLayout;
import io.newsctl.model.ArticleIds;
import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import io.newsctl.model.Topics;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Scaling on the real broker and Elasticsearch, with the services as separate processes, as KEDA
 * would run them: while 10,000 articles flow into {@code articles.raw} at a steady rate, a second
 * and a third instance of extract and of index join, the first instances are stopped with SIGTERM
 * (as Kubernetes scales down) and the second ones are killed with SIGKILL (a node lost). In the end
 * every article is in the index exactly once, nothing is left in lag, the gracefully stopped
 * instances left their groups at once without losing or repeating work, and the pauses the
 * rebalances caused are reported.
 *
 * <p>The run is isolated from other tests on the same servers: its own consumer groups (started at
 * the topics' current end), its own index alias; and it removes its records, groups and index.
 */
@ExtendWith(NewsServersExtension.class)
class ScalingIT {
    private static final int ARTICLES = 10_000;
    private static final int PARTITIONS = 6;
    /** 50 articles a second: the consumers keep up and leave CPU for the instances starting. */
    private static final int PER_TICK = 10;
    private static final long TICK_MS = 200;
    private static final int EXTRACT_BATCH = 50;
    private static final int INDEX_BATCH = 200;
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration READY = Duration.ofMinutes(3);
    private static final Duration DRAIN = Duration.ofMinutes(5);
    private static final List<String> JVM_OPTIONS = List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:TieredStopAtLevel=1", // six JVMs on two cores: C1 only, so start-ups are not starved
            "-Dnews.kafka.properties.session.timeout.ms=" + SESSION_TIMEOUT.toMillis());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path logs = Path.of("target/scaling-it-logs");
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String extractGroup = "scaling-extract-" + run;
    private final String indexGroup = "scaling-index-" + run;
    private final IndexLayout layout = new IndexLayout("scaling-" + run, 1);
    private final List<ServiceProcess> started = new ArrayList<>();
    private final Map<String, Long> eventNanos = new LinkedHashMap<>();
    private final List<String> report = new ArrayList<>();
    /** Threads of its own: the common pool has a single worker on two cores, too few to wait on each other. */
    private final java.util.concurrent.ExecutorService tasks = Executors.newCachedThreadPool();

    @Test
    void articlesAreIndexedExactlyOnceWhileInstancesJoinLeaveAndDie(ServerEndpoints servers) throws Exception {
        try (KafkaGroups kafka = new KafkaGroups(servers.kafkaBootstrap())) {
            kafka.ensurePipelineTopics(PARTITIONS);
            Map<TopicPartition, Long> rawStart = kafka.endOffsets(Topics.RAW);
            Map<TopicPartition, Long> enrichedStart = kafka.endOffsets(Topics.ENRICHED);
            Map<TopicPartition, Long> dlqStart = new HashMap<>(kafka.endOffsets(Topics.deadLetter(Topics.RAW)));
            dlqStart.putAll(kafka.endOffsets(Topics.deadLetter(Topics.ENRICHED)));
            kafka.commit(extractGroup, rawStart);
            kafka.commit(indexGroup, enrichedStart);
            try {
                runScenario(servers, kafka, rawStart, enrichedStart, dlqStart);
            } finally {
                started.forEach(ServiceProcess::close);
                tasks.shutdownNow();
                cleanUp(servers, kafka);
            }
        }
    }

    private void runScenario(ServerEndpoints servers, KafkaGroups kafka, Map<TopicPartition, Long> rawStart,
                             Map<TopicPartition, Long> enrichedStart, Map<TopicPartition, Long> dlqStart)
            throws Exception {
        Map<String, String> env = Map.of(
                "NEWS_KAFKA_BOOTSTRAP_SERVERS", servers.kafkaBootstrap(),
                "NEWS_KAFKA_CREATE_TOPICS", "false",
                "NEWS_EXTRACTOR_GROUP_ID", extractGroup,
                "NEWS_EXTRACTOR_MAX_POLL_RECORDS", Integer.toString(EXTRACT_BATCH),
                "NEWS_EXTRACTOR_THREADS", "1",
                "NEWS_INDEXER_GROUP_ID", indexGroup,
                "NEWS_INDEXER_MAX_POLL_RECORDS", Integer.toString(INDEX_BATCH),
                "NEWS_ELASTICSEARCH_URL", servers.elasticsearchUrl().toString(),
                "NEWS_ELASTICSEARCH_ALIAS", layout.alias());
        List<ServiceProcess> first = startInstances(env, 1);
        Set<String> expectedIds = new HashSet<>();

        try (ConsumptionTimeline extractTimeline = new ConsumptionTimeline(kafka, extractGroup, Topics.RAW);
             ConsumptionTimeline indexTimeline = new ConsumptionTimeline(kafka, indexGroup, Topics.ENRICHED);
             Producer<byte[], byte[]> producer = new KafkaProducer<>(
                     KafkaClientConfig.producer("scaling-it", servers.kafkaBootstrap(), Map.of()))) {
            extractTimeline.start();
            indexTimeline.start();
            AtomicInteger produced = new AtomicInteger();
            AtomicInteger limit = new AtomicInteger(2_500);
            ScheduledExecutorService flow = Executors.newSingleThreadScheduledExecutor();
            long flowStart = System.nanoTime();
            event("flow starts");
            flow.scheduleAtFixedRate(() -> {
                int tick = produced.get() >= 8_500 ? ARTICLES : PER_TICK; // the last part as one burst
                for (int i = 0; i < tick && produced.get() < limit.get(); i++) {
                    int n = produced.getAndIncrement();
                    RawArticle article = article(n);
                    synchronized (expectedIds) {
                        expectedIds.add(article.id());
                    }
                    producer.send(new ProducerRecord<>(Topics.RAW, article.url().getBytes(UTF_8), ModelJson.encode(article)));
                }
            }, 0, TICK_MS, TimeUnit.MILLISECONDS);
            try {
                // Each event waits for its share of the flow; the flow waits (at "limit") for the
                // events, so every event lands while articles arrive, however slow the machine.
                awaitProduced(produced, 1_000);
                event("extract#2 and index#2 join");
                List<ServiceProcess> second = startInstances(env, 2);
                limit.set(5_000);
                awaitProduced(produced, 3_000);
                event("extract#3 and index#3 join");
                List<ServiceProcess> third = startInstances(env, 3);
                limit.set(7_500);
                awaitProduced(produced, 5_500);
                event("SIGTERM extract#1 and index#1");
                List<Duration> leftAfter = stopGracefully(kafka, first);
                limit.set(8_500);
                awaitProduced(produced, 8_000);
                event("SIGKILL extract#2 and index#2");
                long killedAt = System.nanoTime();
                List<Duration> goneAfter = killHard(kafka, second);
                long lagBeforeBurst = kafka.lag(extractGroup, Topics.RAW);
                event("burst of the last " + (ARTICLES - produced.get()) + " articles");
                long burstStart = System.nanoTime();
                int burstFrom = produced.get();
                limit.set(ARTICLES);
                awaitProduced(produced, ARTICLES);
                producer.flush();
                await().atMost(DRAIN).pollInterval(Duration.ofMillis(250)).until(() ->
                        count(servers) >= ARTICLES
                                && kafka.lag(extractGroup, Topics.RAW) == 0
                                && kafka.lag(indexGroup, Topics.ENRICHED) == 0);
                Duration flowTime = Duration.ofNanos(System.nanoTime() - flowStart);
                Duration burstTime = Duration.ofNanos(System.nanoTime() - burstStart);
                event("drained");

                // Every article indexed once, by its id; nothing left behind.
                Map<String, Long> versions = indexedVersions(servers);
                assertEquals(ARTICLES, count(servers), "documents in the index");
                assertEquals(expectedIds, versions.keySet(), "the indexed ids are exactly the articles' ids");
                assertEquals(0, kafka.lag(extractGroup, Topics.RAW));
                assertEquals(0, kafka.lag(indexGroup, Topics.ENRICHED));
                assertEquals(sum(dlqStart), sum(kafka.endOffsets(Topics.deadLetter(Topics.RAW)))
                        + sum(kafka.endOffsets(Topics.deadLetter(Topics.ENRICHED))), "nothing dead-lettered");

                // Extract: what was re-processed shows as a repeated key on articles.enriched.
                Map<String, List<Long>> enrichedTimes = enrichedRecordTimes(servers, enrichedStart);
                long enrichedRecords = enrichedTimes.values().stream().mapToLong(List::size).sum();
                long repeatsBeforeKill = repeats(enrichedTimes, Long.MIN_VALUE, toEpochMillis(killedAt));
                long repeatsAfterKill = repeats(enrichedTimes, toEpochMillis(killedAt), Long.MAX_VALUE);
                assertEquals(ARTICLES, enrichedTimes.size(), "every article enriched");
                assertEquals(0, repeatsBeforeKill, "joins and SIGTERM made extract repeat no article");
                assertTrue(repeatsAfterKill <= 2L * EXTRACT_BATCH,
                        "SIGKILL repeats at most the killed instance's uncommitted batches: " + repeatsAfterKill);
                // Index: each write of a document raises its _version; writes beyond the enriched
                // records are re-indexed batches.
                long indexWrites = versions.values().stream().mapToLong(Long::longValue).sum();
                long reindexed = indexWrites - enrichedRecords;
                assertTrue(reindexed >= 0 && reindexed <= 2L * INDEX_BATCH,
                        "index re-wrote at most the killed instance's uncommitted batches: " + reindexed);

                for (Duration left : leftAfter) {
                    assertTrue(left.compareTo(SESSION_TIMEOUT.dividedBy(2)) < 0,
                            "a SIGTERMed instance leaves its group at once, not after the session timeout: " + left);
                }
                for (ServiceProcess stopped : first) {
                    assertEquals(143, stopped.exitCode().orElse(-1), stopped.name() + " exit code after SIGTERM");
                    String log = Files.readString(stopped.logFile());
                    assertTrue(log.contains("stage " + stopped.name() + " stopped and left group"),
                            stopped.name() + " drained its consumer on SIGTERM; see " + stopped.logFile());
                }
                String metrics = checkSurvivors(third);

                report.add(String.format("flow: %d articles in %.1f s, produced at %d/s while instances came and went",
                        ARTICLES, flowTime.toMillis() / 1000.0, PER_TICK * 1000 / TICK_MS));
                report.add(String.format("drain: the last %d articles (+%d in lag) raw → indexed by one extract and"
                                + " one index instance in %.1f s: %.0f articles/s",
                        ARTICLES - burstFrom, lagBeforeBurst, burstTime.toMillis() / 1000.0,
                        (ARTICLES - burstFrom + lagBeforeBurst) * 1000.0 / burstTime.toMillis()));
                report.add("SIGTERM: left the group after " + millis(leftAfter) + " (session timeout "
                        + SESSION_TIMEOUT.toSeconds() + " s)");
                report.add("SIGKILL: dropped from the group after " + millis(goneAfter));
                report.add("extract re-processed " + repeatsAfterKill + " article(s) after the SIGKILL, "
                        + repeatsBeforeKill + " before; index re-wrote " + reindexed + " document(s)");
                reportPauses("extract", extractTimeline);
                reportPauses("index", indexTimeline);
                report.add("survivors' client metrics: " + metrics);
            } finally {
                flow.shutdownNow();
                String text = String.join(System.lineSeparator(), report);
                System.out.println("=== scaling report ===" + System.lineSeparator() + text);
                Files.createDirectories(logs);
                Files.writeString(logs.resolve("report.txt"), text + System.lineSeparator());
            }
        }
    }

    private List<ServiceProcess> startInstances(Map<String, String> env, int n) {
        List<CompletableFuture<ServiceProcess>> starting = new ArrayList<>();
        for (String name : List.of("extract", "index")) {
            starting.add(CompletableFuture.supplyAsync(() -> {
                ServiceProcess service = ServiceProcess.start(name, DemoPipeline.freePort(), env, JVM_OPTIONS,
                        logs.resolve(run + "-" + n));
                synchronized (started) {
                    started.add(service);
                }
                service.awaitReady(READY);
                return service;
            }, tasks));
        }
        List<ServiceProcess> instances = starting.stream().map(CompletableFuture::join).toList();
        event("  ready: extract#" + n + " and index#" + n);
        return instances;
    }

    /** SIGTERM both at once; returns how long each took to leave its group. */
    private List<Duration> stopGracefully(KafkaGroups kafka, List<ServiceProcess> instances) {
        List<CompletableFuture<Duration>> leaving = new ArrayList<>();
        for (ServiceProcess instance : instances) {
            leaving.add(CompletableFuture.supplyAsync(() -> {
                long t0 = System.nanoTime();
                CompletableFuture<Void> stop = CompletableFuture.runAsync(() -> instance.stop(Duration.ofSeconds(60)), tasks);
                await().atMost(SESSION_TIMEOUT.multipliedBy(2)).pollInterval(Duration.ofMillis(50))
                        .until(() -> !kafka.hasMemberOf(groupOf(instance), instance.name(), instance.pid()));
                Duration left = Duration.ofNanos(System.nanoTime() - t0);
                stop.join();
                return left;
            }, tasks));
        }
        return leaving.stream().map(CompletableFuture::join).toList();
    }

    /** SIGKILL both; returns how long the group took to drop each (the session timeout). */
    private List<Duration> killHard(KafkaGroups kafka, List<ServiceProcess> instances) {
        long t0 = System.nanoTime();
        instances.forEach(ServiceProcess::kill);
        List<Duration> gone = new ArrayList<>();
        for (ServiceProcess instance : instances) {
            await().atMost(SESSION_TIMEOUT.multipliedBy(3)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !kafka.hasMemberOf(groupOf(instance), instance.name(), instance.pid()));
            gone.add(Duration.ofNanos(System.nanoTime() - t0));
        }
        return gone;
    }

    private String groupOf(ServiceProcess instance) {
        return instance.name().equals("extract") ? extractGroup : indexGroup;
    }

    /** The last instances still serve their probes and their metrics; returns their rebalance latencies. */
    private String checkSurvivors(List<ServiceProcess> survivors) throws Exception {
        List<String> latencies = new ArrayList<>();
        for (ServiceProcess survivor : survivors) {
            for (String probe : List.of("/health/liveness", "/health/readiness")) {
                assertEquals(200, survivor.get(probe).statusCode(), survivor.name() + " " + probe);
            }
            HttpResponse<String> scrape = survivor.get("/prometheus");
            assertEquals(200, scrape.statusCode());
            for (String metric : List.of("newsctl_stage_records_total", "newsctl_stage_handle_seconds",
                    "newsctl_stage_batch_seconds", "newsctl_stage_rebalances_total", "newsctl_stage_partitions",
                    "kafka_consumer_fetch_manager_records_lag", "kafka_consumer_coordinator_rebalance_latency_max")) {
                assertTrue(scrape.body().contains(metric), survivor.name() + " exports " + metric);
            }
            if (survivor.name().equals("extract")) {
                assertTrue(scrape.body().contains("kafka_producer_record_send_total"), "extract exports records out");
            }
            latencies.add(survivor.name() + "#3 rebalance-latency-max "
                    + metricValue(scrape.body(), "kafka_consumer_coordinator_rebalance_latency_max") + " ms, "
                    + "rebalances " + metricValue(scrape.body(), "kafka_consumer_coordinator_rebalance_total"));
        }
        return String.join("; ", latencies);
    }

    private void reportPauses(String stage, ConsumptionTimeline timeline) {
        Duration minimum = Duration.ofMillis(1_000);
        List<Map.Entry<String, Long>> events = new ArrayList<>(eventNanos.entrySet());
        events.removeIf(e -> e.getKey().startsWith("  "));
        for (int i = 0; i < events.size() - 1; i++) {
            long from = events.get(i).getValue() - Duration.ofSeconds(1).toNanos();
            long to = events.get(i + 1).getValue();
            String pause = timeline.longestPauseStartingBetween(from, to, minimum)
                    .map(p -> p.length().toMillis() + " ms (" + p.partition() + ")").orElse("none ≥ 1 s");
            report.add(String.format("%s pause after \"%s\": %s", stage, events.get(i).getKey(), pause));
        }
        long origin = eventNanos.values().iterator().next();
        report.add(stage + ": " + timeline.pauses(minimum).size() + " partition pause(s) ≥ 1 s in "
                + timeline.sampleCount() + " samples; those ≥ 3 s:");
        for (ConsumptionTimeline.Pause pause : timeline.pauses(Duration.ofSeconds(3))) {
            report.add(String.format("    t+%.1f s %s paused %d ms", (pause.fromNanos() - origin) / 1e9,
                    pause.partition(), pause.length().toMillis()));
        }
    }

    private static String metricValue(String scrape, String name) {
        return scrape.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .map(l -> l.substring(l.lastIndexOf(' ') + 1)).findFirst().orElse("?");
    }

    private void event(String name) {
        long now = System.nanoTime();
        if (!eventNanos.isEmpty()) {
            report.add(String.format("t+%.1f s %s", (now - eventNanos.values().iterator().next()) / 1e9, name.strip()));
        }
        eventNanos.put(name, now);
    }

    private static void awaitProduced(AtomicInteger produced, int count) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> produced.get() >= count);
    }

    private RawArticle article(int n) {
        String url = "https://news.example/scaling/" + run + "/" + n;
        String body = "第" + n + "条：寒武纪发布新一代AI芯片思元" + (n % 900) + "，英伟达H20对华出口仍受限。"
                + "摩尔线程与华为昇腾910B在国产算力市场竞争，营收" + (n % 97) + "亿元。";
        return new RawArticle(ModelJson.SCHEMA_VERSION, ArticleIds.of(url), url, url, "news.example", "scaling-it",
                Instant.now(), "generic", "测试新闻" + n, "记者" + (n % 10), null,
                OffsetDateTime.of(2025, 7, 25, 10, 0, 0, 0, ZoneOffset.ofHours(8)), null, body, "zh-Hans",
                ArticleIds.contentHash(body), null);
    }

    private long count(ServerEndpoints servers) throws IOException, InterruptedException {
        HttpResponse<String> response = es(servers, "GET", "/" + layout.alias() + "/_count", null);
        return response.statusCode() == 200 ? ModelJson.mapper().readTree(response.body()).path("count").asLong() : -1;
    }

    /** Every document's id with its _version (how often it was written). */
    private Map<String, Long> indexedVersions(ServerEndpoints servers) throws IOException, InterruptedException {
        HttpResponse<String> response = es(servers, "POST", "/" + layout.alias() + "/_search",
                "{\"size\":" + ARTICLES + ",\"_source\":false,\"version\":true,\"track_total_hits\":true,"
                        + "\"query\":{\"match_all\":{}}}");
        assertEquals(200, response.statusCode(), response.body());
        Map<String, Long> versions = new HashMap<>();
        for (JsonNode hit : ModelJson.mapper().readTree(response.body()).path("hits").path("hits")) {
            versions.put(hit.path("_id").asText(), hit.path("_version").asLong());
        }
        return versions;
    }

    /** Enriched records this run produced: per key, the timestamps of its copies. */
    private Map<String, List<Long>> enrichedRecordTimes(ServerEndpoints servers, Map<TopicPartition, Long> start) {
        Map<String, Object> props = new HashMap<>(KafkaClientConfig.admin(servers.kafkaBootstrap(), Map.of()));
        props.put("key.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        props.put("value.deserializer", "org.apache.kafka.common.serialization.ByteArrayDeserializer");
        props.put("enable.auto.commit", "false");
        props.put("max.partition.fetch.bytes", KafkaClientConfig.MAX_RECORD_BYTES);
        Map<String, List<Long>> times = new HashMap<>();
        try (KafkaGroups kafka = new KafkaGroups(servers.kafkaBootstrap());
             KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            Map<TopicPartition, Long> end = kafka.endOffsets(Topics.ENRICHED);
            consumer.assign(end.keySet());
            end.keySet().forEach(tp -> consumer.seek(tp, start.getOrDefault(tp, 0L)));
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    times.computeIfAbsent(new String(record.key(), UTF_8), k -> new ArrayList<>()).add(record.timestamp());
                }
                return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
            });
        }
        return times;
    }

    /** Copies after the first of a key, whose timestamp falls in {@code [from, to)}. */
    private static long repeats(Map<String, List<Long>> times, long from, long to) {
        long repeats = 0;
        for (List<Long> copies : times.values()) {
            List<Long> sorted = copies.stream().sorted().toList();
            for (Long t : sorted.subList(1, sorted.size())) {
                if (t >= from && t < to) {
                    repeats++;
                }
            }
        }
        return repeats;
    }

    private static long toEpochMillis(long nanos) {
        return System.currentTimeMillis() - (System.nanoTime() - nanos) / 1_000_000;
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }

    private static String millis(List<Duration> durations) {
        return durations.stream().map(d -> d.toMillis() + " ms").toList().toString();
    }

    private HttpResponse<String> es(ServerEndpoints servers, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(servers.elasticsearchUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Leaves the shared servers as found: records of this run deleted, groups and index removed. */
    private void cleanUp(ServerEndpoints servers, KafkaGroups kafka) {
        try {
            kafka.deleteRecordsBefore(kafka.endOffsets(Topics.RAW));
            kafka.deleteRecordsBefore(kafka.endOffsets(Topics.ENRICHED));
            kafka.deleteGroups(Set.of(extractGroup, indexGroup));
            es(servers, "DELETE", "/" + layout.index(), null);
            es(servers, "DELETE", "/_index_template/" + layout.template(), null);
            es(servers, "DELETE", "/_component_template/" + layout.schemaComponent(), null);
        } catch (Exception e) {
            System.out.println("scaling test clean-up incomplete: " + e);
        }
    }
}
