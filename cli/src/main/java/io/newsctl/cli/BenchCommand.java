package io.newsctl.cli;

import io.newsctl.embedded.NewsServers;
import io.newsctl.embedded.RunningServers;
import io.newsctl.index.IndexLayout;
import io.newsctl.index.bench.SyntheticArticles;
import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import io.newsctl.model.Topics;
import io.newsctl.stream.KafkaClientConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsctl bench}: the whole pipeline on embedded servers under load. In one run: the
 * extract-only and raw {@code _bulk} baselines on the same synthetic articles, then the four
 * services (as {@code newsctl demo} starts them, with the benchmark JVM options), a warm-up burst,
 * a timed burst (end-to-end and per-stage throughput, peak resident memory of every process), and
 * publish → searchable latency at a steady rate. Exits non-zero if an article is lost.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "End-to-end benchmark of the pipeline on embedded servers, with extract-only and raw _bulk baselines.")
final class BenchCommand implements Callable<Integer> {
    static final double TARGET_ARTICLES_PER_SECOND = 150;
    static final double TARGET_RATIO = 0.5;
    static final double TARGET_P99_MS = 2000;
    private static final String DRIVER = "bench driver (this JVM)";

    @Option(names = "--articles", defaultValue = "5000", description = "Articles in the timed burst (default ${DEFAULT-VALUE}).")
    int articles;

    // 1,000 left the JIT compiling through the burst (C2 threads: 10 s of the burst's CPU, ~2 ms per article)
    @Option(names = "--warmup", defaultValue = "5000", description = "Articles through the pipeline (and the extractor) before timing, so that the JVMs are warm (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rate", defaultValue = "10", description = "Articles/s of the latency phase (default ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--paced-seconds", defaultValue = "60", description = "Length of the latency phase (default ${DEFAULT-VALUE}).")
    int pacedSeconds;

    @Option(names = "--body-chars", defaultValue = "4000", description = "Characters of body per article, at least (default ${DEFAULT-VALUE}).")
    int bodyChars;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--rules", paramLabel = "DIR", description = "Alert rules the alert service loads (default: samples/rules/).")
    Path rules;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Servers' data, logs and work files, emptied first (default data/bench-e2e).")
    Path dataDir;

    @Option(names = "--keep", description = "Keep the data directory (servers' data and logs) afterwards.")
    boolean keep;

    @Option(names = "--client-compiler", description = "Start the services with the client compiler only, as the demo"
            + " does (quicker start, slower steady state; for smoke runs).")
    boolean clientCompiler;

    @Spec
    CommandSpec spec;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        Path home = Path.of(System.getProperty("newsctl.home", ".")).toAbsolutePath().normalize();
        Path dir = (dataDir != null ? dataDir : home.resolve("data/bench-e2e")).toAbsolutePath();
        DemoCommand.deleteRecursively(dir);
        Path noSamples = Files.createDirectories(dir.resolve("no-samples"));
        say("Machine: %d cores, load average %s", Runtime.getRuntime().availableProcessors(), loadAverage());

        SyntheticArticles generator = new SyntheticArticles(seed);
        List<RawArticle> corpus = new ArrayList<>(warmup + articles);
        for (int i = 0; i < warmup + articles; i++) {
            corpus.add(generator.article(i, bodyChars).article());
        }
        List<byte[]> records = corpus.stream().map(ModelJson::encode).toList();
        say("Corpus: %,d synthetic articles (seed %d), %,.0f characters of body and %,.0f bytes of JSON each on average",
                corpus.size(), seed, corpus.stream().mapToInt(a -> a.body().length()).average().orElse(0),
                records.stream().mapToInt(r -> r.length).average().orElse(0));

        say("Starting Kafka and Elasticsearch (embedded, data in %s) …", dir);
        RunningServers servers = NewsServers.startEmbedded(dir.resolve("servers"));
        try {
            BenchBaselines baselines = new BenchBaselines();
            say("Baseline 1/2: the extractor in this JVM (%d threads) on the same articles …",
                    Runtime.getRuntime().availableProcessors());
            Path warmDocuments = dir.resolve("warmup-documents.bin");
            Path documents = dir.resolve("documents.bin");
            BenchBaselines.Rate extractOnly = baselines.extractOnly(records.subList(0, warmup), records.subList(warmup, records.size()),
                    warmDocuments, documents);
            say("  extract-only: %,.1f articles/s, %.2f ms CPU each (load average %s)", extractOnly.perSecond(),
                    extractOnly.cpuMillisPerItem(), loadAverage());
            say("Baseline 2/2: raw _bulk of the index service's documents for the same articles …");
            BenchBaselines.Rate rawBulk = baselines.rawBulk(servers.endpoints().elasticsearchUrl(),
                    servers.embeddedElasticsearch().orElseThrow().jvm().pid(), warmDocuments, warmup, documents, articles);
            say("  raw _bulk: %,.1f docs/s, %.2f ms of Elasticsearch CPU each (load average %s)", rawBulk.perSecond(),
                    rawBulk.cpuMillisPerItem(), loadAverage());
            Files.delete(warmDocuments);
            Files.delete(documents);

            say("Starting ingest, extract, index and alert (%s) …",
                    clientCompiler ? "client compiler" : String.join(" ", DemoPipeline.THROUGHPUT_JVM_OPTIONS));
            DemoPipeline.Options options = new DemoPipeline.Options(noSamples,
                    rules != null ? rules : home.resolve("samples/rules"),
                    DemoPipeline.freePort(), dir.resolve("logs"),
                    clientCompiler ? DemoPipeline.QUICK_START_JVM_OPTIONS : DemoPipeline.THROUGHPUT_JVM_OPTIONS);
            try (DemoPipeline pipeline = DemoPipeline.start(servers.endpoints(), options);
                 KafkaGroups kafka = new KafkaGroups(servers.endpoints().kafkaBootstrap());
                 Producer<byte[], byte[]> producer = new KafkaProducer<>(KafkaClientConfig.producer("bench",
                         servers.endpoints().kafkaBootstrap(), Map.of()))) {
                return measure(servers, pipeline, kafka, producer, generator, corpus, records, extractOnly, rawBulk);
            }
        } finally {
            servers.close();
            if (!keep) {
                DemoCommand.deleteRecursively(dir);
            }
        }
    }

    private int measure(RunningServers servers, DemoPipeline pipeline, KafkaGroups kafka,
                        Producer<byte[], byte[]> producer, SyntheticArticles generator, List<RawArticle> corpus,
                        List<byte[]> records, BenchBaselines.Rate extractOnly, BenchBaselines.Rate rawBulk)
            throws Exception {
        String alias = IndexLayout.DEFAULT.alias();
        EsHttp elasticsearch = new EsHttp(servers.endpoints().elasticsearchUrl());
        Map<String, Long> pids = new LinkedHashMap<>();
        servers.embeddedKafka().ifPresent(k -> pids.put("kafka", k.jvm().pid()));
        servers.embeddedElasticsearch().ifPresent(e -> pids.put("elasticsearch", e.jvm().pid()));
        pipeline.services().forEach(s -> pids.put(s.name(), s.pid()));
        pids.put(DRIVER, ProcessHandle.current().pid());
        PipelineMonitor monitor = new PipelineMonitor(kafka, elasticsearch, alias, pids);

        say("Warm-up: %,d articles through the pipeline …", warmup);
        PipelineMonitor.Baseline base = monitor.begin();
        publish(producer, corpus.subList(0, warmup), records.subList(0, warmup));
        PipelineMonitor.Result warm = monitor.watch(base, warmup, warmup, 600);
        say("  searchable after %.1f s (%,.1f articles/s, cold)", warm.searchableSeconds(),
                warmup / warm.searchableSeconds());

        say("Timed burst: %,d articles published at once (load average %s) …", articles, loadAverage());
        EsActivity esBefore = EsActivity.of(elasticsearch.nodeStats()); // read before the clock starts
        base = monitor.begin();
        double published = publish(producer, corpus.subList(warmup, corpus.size()),
                records.subList(warmup, records.size()));
        PipelineMonitor.Result burst = monitor.watch(base, articles, warmup + articles, 1800);
        double endToEnd = articles / burst.searchableSeconds();
        EsActivity esBurst = EsActivity.of(elasticsearch.nodeStats()).since(esBefore);
        say("  published in %.1f s; all %,d searchable after %.1f s (load average %s)", published, articles,
                burst.searchableSeconds(), loadAverage());

        int paced = rate * pacedSeconds;
        say("Latency: %,d articles at %d/s, publish → searchable …", paced, rate);
        int firstPaced = corpus.size();
        SearchableProbe probe = new SearchableProbe(producer, Topics.RAW, elasticsearch, alias);
        SearchableProbe.Result latency = probe.run(i -> {
            RawArticle article = generator.article(firstPaced + i, bodyChars).article();
            return new SearchableProbe.Article(article.id(), article.url(), ModelJson.encode(article));
        }, paced, rate, 30);
        Map<String, Long> rssEnd = monitor.rssKibNow();

        elasticsearch.refresh(alias);
        long expected = (long) warmup + articles + paced;
        long stored = elasticsearch.count(alias);
        report(extractOnly, rawBulk, endToEnd, burst, esBurst, latency, rssEnd);
        say("Documents in %s: %,d of %,d published%s", alias, stored, expected, stored == expected ? "" : "  ← MISMATCH");
        say("Load average at the end: %s", loadAverage());
        return stored == expected && latency.missing() == 0 ? 0 : 1;
    }

    /** Publishes and waits for every acknowledgement; returns the seconds it took. */
    private static double publish(Producer<byte[], byte[]> producer, List<RawArticle> articles, List<byte[]> values)
            throws Exception {
        long started = System.nanoTime();
        List<Future<RecordMetadata>> acks = new ArrayList<>(articles.size());
        for (int i = 0; i < articles.size(); i++) {
            acks.add(producer.send(new ProducerRecord<>(Topics.RAW,
                    articles.get(i).url().getBytes(java.nio.charset.StandardCharsets.UTF_8), values.get(i))));
        }
        for (Future<RecordMetadata> ack : acks) {
            ack.get(2, TimeUnit.MINUTES);
        }
        return (System.nanoTime() - started) / 1e9;
    }

    private void report(BenchBaselines.Rate extractOnly, BenchBaselines.Rate rawBulk, double endToEnd, PipelineMonitor.Result burst,
                        EsActivity esBurst, SearchableProbe.Result latency, Map<String, Long> rssEnd) {
        say("");
        say("=== newsctl bench: %,d articles of ≥%,d characters, %d cores ===", articles, bodyChars,
                Runtime.getRuntime().availableProcessors());
        say("end to end (publish → all searchable): %,.1f articles/s   target ≥ %.0f: %s", endToEnd,
                TARGET_ARTICLES_PER_SECOND, verdict(endToEnd >= TARGET_ARTICLES_PER_SECOND));
        burst.stages().forEach((stage, times) -> say("  stage %-8s %s (first input at %.1f s, all committed at %.1f s)",
                stage, times.done() > times.firstInput() ? String.format("%,.1f articles/s", times.rate(articles))
                        : "too quick to rate", times.firstInput(), times.done()));
        say("baselines, same articles, same run:");
        double ratio = endToEnd / extractOnly.perSecond();
        say("  extract-only %,.1f articles/s (%.2f ms CPU each)   end to end / extract-only = %.2f   target ≥ %.1f: %s",
                extractOnly.perSecond(), extractOnly.cpuMillisPerItem(), ratio, TARGET_RATIO, verdict(ratio >= TARGET_RATIO));
        say("  raw _bulk    %,.1f docs/s (%.2f ms Elasticsearch CPU each, its merges included)   end to end / raw _bulk = %.2f",
                rawBulk.perSecond(), rawBulk.cpuMillisPerItem(), endToEnd / rawBulk.perSecond());
        say("elasticsearch, raw _bulk (its merges included): %s", rawBulk.activity().describe(articles));
        say("elasticsearch, pipeline burst:                  %s", esBurst.describe(articles));
        say("publish → searchable at %d articles/s (%d sent, %d never searchable): p50 %.0f ms  p90 %.0f ms"
                        + "  p99 %.0f ms  max %.0f ms   target p99 ≤ %.0f ms: %s", rate, latency.sent(),
                latency.missing(), latency.percentile(50), latency.percentile(90), latency.percentile(99),
                latency.max(), TARGET_P99_MS, verdict(latency.missing() == 0 && latency.percentile(99) <= TARGET_P99_MS));
        say("processes: resident memory (peak during the burst / at the end), CPU per article of the burst (of which"
                + " JIT compiler threads):");
        Map<String, Long> names = new LinkedHashMap<>(rssEnd);
        burst.maxRssKib().forEach(names::putIfAbsent);
        names.forEach((name, ignored) -> say("  %-24s %6s / %6s MB  %6.2f ms CPU (JIT %.2f)", name,
                megabytes(burst.maxRssKib().get(name)), megabytes(rssEnd.get(name)),
                burst.cpuMillis().getOrDefault(name, 0L) / (double) articles,
                burst.jitMillis().getOrDefault(name, 0L) / (double) articles));
        long pipelineCpu = burst.cpuMillis().entrySet().stream().filter(e -> !e.getKey().equals(DRIVER))
                .mapToLong(Map.Entry::getValue).sum();
        int cores = Runtime.getRuntime().availableProcessors();
        double pipelineCpuPerArticle = pipelineCpu / (double) articles;
        say("  servers + services: %.2f ms CPU per article → at most %,.0f articles/s on %d cores if they had the"
                + " machine to themselves", pipelineCpuPerArticle, cores * 1000.0 / pipelineCpuPerArticle, cores);
        long pipelineJit = burst.jitMillis().entrySet().stream().filter(e -> !e.getKey().equals(DRIVER))
                .mapToLong(Map.Entry::getValue).sum();
        say("  of which JIT compilation %.2f ms per article (%.0f %%): near 0 once the JVMs are warm; if large, the"
                + " burst measured warm-up (raise --warmup)", pipelineJit / (double) articles,
                pipelineCpu == 0 ? 0.0 : 100.0 * pipelineJit / pipelineCpu);
        say("  by CPU, less sensitive to the machine's other load: extract-only %.2f ms / pipeline %.2f ms per article"
                + " = %.2f (the ratio end to end / extract-only tends to on an otherwise idle machine)",
                extractOnly.cpuMillisPerItem(), pipelineCpuPerArticle, extractOnly.cpuMillisPerItem() / pipelineCpuPerArticle);
        say("  machine during the burst: %.2f of %d cores busy; this benchmark's processes %.2f, everything else %.2f",
                burst.machineBusyCores(), cores, burst.watchedBusyCores(),
                Math.max(0, burst.machineBusyCores() - burst.watchedBusyCores()));
    }

    private static String megabytes(Long kib) {
        return kib == null ? "—" : Long.toString(kib / 1024);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private void say(String format, Object... args) {
        out.printf(format + "%n", args);
        out.flush();
    }
}
