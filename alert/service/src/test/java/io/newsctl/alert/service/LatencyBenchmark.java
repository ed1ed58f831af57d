package io.newsctl.alert.service;

import io.newsctl.alert.RuleJson;
import io.newsctl.alert.RuleValidator;
import io.newsctl.alert.bench.Corpus;
import io.newsctl.net.TargetGuard;
import io.newsctl.embedded.NewsServers;
import io.newsctl.embedded.ServerEndpoints;
import io.newsctl.model.Alert;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.ModelJson;
import io.newsctl.model.Topics;
import io.newsctl.stream.KafkaClientConfig;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publish → alert latency on the embedded servers: the alert service with 1,000 generated rules plus
 * one rule every benchmark article matches; articles published to {@code articles.enriched} at 10
 * per second; latency = from just before the send to the alert being read (read_committed) from
 * {@code alerts} by a consumer in this JVM. Prints p50 / p90 / p99 / max.
 * Run: {@code mvn -B -q -pl alert/service -am -Pbench-latency verify -DskipTests}.
 */
public final class LatencyBenchmark {
    private static final int RATE = 10;
    private static final int WARMUP = 30;
    private static final int MEASURED = 600;
    private static final int BACKGROUND_RULES = 1_000;

    private LatencyBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ServerEndpoints servers = NewsServers.shared();
        String run = UUID.randomUUID().toString().substring(0, 8);
        String ruleId = "bench-latency-" + run;
        int exit = 0;
        try (AlertService alert = AlertService.start(servers, Map.of("news.alert.max-poll-records", 100));
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(KafkaClientConfig.producer("bench",
                     servers.kafkaBootstrap(), Map.of()))) {
            loadRules(alert, producer, ruleId, run);

            Map<String, Long> sentAt = new ConcurrentHashMap<>();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean reading = new AtomicBoolean(true);
            Thread reader = readAlerts(servers, ruleId, sentAt, latencies, reading);

            Corpus corpus = new Corpus(7);
            List<EnrichedArticle> articles = new ArrayList<>();
            for (int i = 0; i < WARMUP + MEASURED; i++) {
                articles.add(tagged(corpus.article("https://bench.example.cn/" + run + "/" + i)));
            }
            long interval = 1_000_000_000L / RATE;
            long next = System.nanoTime();
            for (int i = 0; i < articles.size(); i++) {
                while (System.nanoTime() < next) {
                    Thread.onSpinWait();
                }
                next += interval;
                EnrichedArticle article = articles.get(i);
                if (i >= WARMUP) { // warm-up articles are sent but not measured
                    sentAt.put(article.id(), System.nanoTime());
                }
                producer.send(new ProducerRecord<>(Topics.ENRICHED,
                        article.article().url().getBytes(StandardCharsets.UTF_8), ModelJson.encode(article)));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (latencies.size() < MEASURED && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            reading.set(false);
            reader.join(10_000);
            exit = report(latencies);
            printMatchTimer(alert);
        }
        System.exit(exit);
    }

    /** Background rules go straight to the rules topic; waits until the service has them all. */
    private static void loadRules(AlertService alert, KafkaProducer<byte[], byte[]> producer, String ruleId,
                                  String run) throws Exception {
        RuleValidator validator = new RuleValidator(Corpus.segmenter(), TargetGuard.strict(), Clock.systemUTC());
        Corpus corpus = new Corpus(11);
        for (int i = 0; i < BACKGROUND_RULES; i++) {
            var rule = validator.create(draft("bench-bg-" + run + "-" + i, corpus.rule()));
            producer.send(new ProducerRecord<>(Topics.ALERT_RULES, rule.id().getBytes(StandardCharsets.UTF_8),
                    RuleJson.encodeStored(rule)));
        }
        producer.flush();
        var created = alert.post("/api/alert-rules", """
                {"id": "%s", "name": "every benchmark article", "filters": {"tags": ["bench-latency"]},
                 "dedupWindow": "0"}
                """.formatted(ruleId), AlertService.ANALYST_KEY);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("rule not created: " + created.body());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            var rules = ModelJson.mapper().readTree(alert.get("/api/alert-rules", AlertService.ANALYST_KEY).body());
            long mine = 0;
            for (var r : rules.get("rules")) {
                mine += r.get("id").asText().contains(run) ? 1 : 0;
            }
            if (mine >= BACKGROUND_RULES + 1) {
                System.out.printf("%d rules loaded (%d in the store)%n", mine, rules.get("rules").size());
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("rules not loaded in time");
    }

    private static EnrichedArticle tagged(EnrichedArticle a) {
        List<String> tags = new ArrayList<>(a.tags());
        tags.add("bench-latency");
        return new EnrichedArticle(a.schemaVersion(), a.article(), a.entities(), a.figures(), tags, a.evidence(),
                a.keywords(), a.digest(), a.segmented(), a.enrichedAt(), a.extractor());
    }

    private static Thread readAlerts(ServerEndpoints servers, String ruleId, Map<String, Long> sentAt,
                                     List<Long> latencies, AtomicBoolean reading) {
        KafkaConsumer<byte[], byte[]> consumer = AlertService.reader(servers, Topics.ALERTS);
        consumer.seekToEnd(consumer.assignment());
        consumer.assignment().forEach(consumer::position);
        Thread thread = new Thread(() -> {
            try (consumer) {
                while (reading.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        long now = System.nanoTime();
                        Alert alert = ModelJson.decodeAlert(record.value());
                        Long sent = sentAt.get(alert.articleId());
                        if (alert.ruleId().equals(ruleId) && sent != null) { // null: a warm-up article
                            latencies.add(now - sent);
                        }
                    }
                }
            } catch (Exception e) {
                e.printStackTrace();
            }
        }, "bench-alert-reader");
        thread.start();
        return thread;
    }

    private static int report(List<Long> latencies) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            System.out.println("no alert observed");
            return 1;
        }
        System.out.printf("publish -> alert latency at %d articles/s, %d articles (after %d warm-up), %d + 1 rules,"
                        + " embedded Kafka, %d cores:%n", RATE, sorted.size(), WARMUP, BACKGROUND_RULES,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("  p50 %.1f ms   p90 %.1f ms   p99 %.1f ms   max %.1f ms   (%d of %d alerts seen)%n",
                pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6,
                sorted.size(), MEASURED);
        return sorted.size() == MEASURED && pct(sorted, 99) <= 1000 ? 0 : 2;
    }

    /** The service's own time per article in the matcher (newsctl.alert.match), to tell it from queueing. */
    private static void printMatchTimer(AlertService alert) {
        Map<String, Double> values = new HashMap<>();
        for (String line : alert.get("/prometheus", null).body().split("\n")) {
            if (line.startsWith("newsctl_alert_match_seconds_")) {
                String[] parts = line.split(" ");
                values.put(parts[0].replaceAll("\\{.*", ""), Double.parseDouble(parts[parts.length - 1]));
            }
        }
        double count = values.getOrDefault("newsctl_alert_match_seconds_count", 0.0);
        if (count > 0) {
            System.out.printf("  service-side matching: %.0f articles, mean %.1f ms, max %.1f ms; load average %s%n",
                    count, values.getOrDefault("newsctl_alert_match_seconds_sum", 0.0) * 1000 / count,
                    values.getOrDefault("newsctl_alert_match_seconds_max", 0.0) * 1000, loadAverage());
        }
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            return "n/a";
        }
    }

    private static double pct(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    static io.newsctl.alert.RuleDraft draft(String id, Corpus.GeneratedRule rule) {
        return new io.newsctl.alert.RuleDraft(id, "generated " + id, rule.query(),
                new io.newsctl.alert.RuleFilters(rule.tags(), rule.companies(), rule.chips(), null), "0", null, true);
    }
}
