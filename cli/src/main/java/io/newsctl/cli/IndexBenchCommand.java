package io.newsctl.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.CommonStatsFlag;
import io.newsctl.embedded.EmbeddedElasticsearch;
import io.newsctl.extract.Extractor;
import io.newsctl.index.BulkWriter;
import io.newsctl.index.DocumentMapper;
import io.newsctl.index.EsClients;
import io.newsctl.index.EsConnection;
import io.newsctl.index.IndexBootstrap;
import io.newsctl.index.IndexLayout;
import io.newsctl.index.bench.SyntheticArticles;
import io.newsctl.index.search.ArticleQuery;
import io.newsctl.index.search.ArticleSearch;
import io.newsctl.index.search.SearchPage;
import io.newsctl.index.service.IndexHandler;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.ModelJson;
import io.newsctl.model.Topics;
import io.newsctl.stream.Rejection;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsctl bench-index}: indexes N synthetic articles twice in one run — as raw {@code _bulk}
 * requests of the prebuilt documents and through the indexer (the index service's
 * {@link IndexHandler}: decode the Kafka record, map, bounded concurrent bulks), in alternating
 * rounds into two indices — and prints both rates, then the latency of 2-term searches with 3
 * facets over the indexer's index.
 */
@Command(name = "bench-index", mixinStandardHelpOptions = true,
        description = "Benchmark indexing (indexer vs raw _bulk of the same documents) and search latency.")
final class IndexBenchCommand implements Callable<Integer> {

    @Option(names = "--articles", defaultValue = "10000", description = "Synthetic articles to index (default ${DEFAULT-VALUE}).")
    int articles;

    @Option(names = "--queries", defaultValue = "500", description = "Timed searches (default ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--warmup", defaultValue = "100", description = "Untimed searches first (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--es-url", paramLabel = "URL",
            description = "Elasticsearch to use (no auth); default: an embedded node started for the run.")
    String esUrl;

    @Option(names = "--es-heap", defaultValue = "1g", description = "Heap of the embedded node (default ${DEFAULT-VALUE}).")
    String esHeap;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Work files and the embedded node (default data/bench).")
    Path dataDir;

    @Option(names = "--batch", defaultValue = "1000", description = "Records per indexer batch, as max-poll-records (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--bulk-mb", defaultValue = "5", description = "Largest bulk request in MiB, both runs (default ${DEFAULT-VALUE}).")
    int bulkMb;

    @Option(names = "--bulk-docs", defaultValue = "1000", description = "Most documents per bulk request, both runs (default ${DEFAULT-VALUE}).")
    int bulkDocs;

    @Option(names = "--concurrency", defaultValue = "2", description = "Bulk requests in flight, both runs (default ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--keep", description = "Keep the benchmark indices and files afterwards.")
    boolean keep;

    @Option(names = "--search-only",
            description = "Only the search latency, on the bench-indexer index an earlier run kept (--keep) on the node at --es-url.")
    boolean searchOnly;

    /** The two indices of a run; --keep leaves them for --search-only. */
    private static final IndexLayout RAW = new IndexLayout("bench-raw", 1);
    private static final IndexLayout INDEXER = new IndexLayout("bench-indexer", 1);

    @Spec
    CommandSpec spec;

    private PrintWriter out;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        Path home = Path.of(System.getProperty("newsctl.home", ".")).toAbsolutePath().normalize();
        Path dir = dataDir != null ? dataDir : home.resolve("data/bench");
        if (searchOnly) {
            if (esUrl == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--search-only needs --es-url");
            }
            try (ElasticsearchClient client = EsClients.create(EsConnection.of(esUrl))) {
                IndexLayout indexer = INDEXER;
                articles = (int) client.count(c -> c.index(indexer.alias())).count();
                searchLatency(client, indexer);
                return 0;
            }
        }
        deleteRecursively(dir);
        Files.createDirectories(dir);
        EmbeddedElasticsearch embedded = null;
        String url = esUrl;
        if (url == null) {
            say("Starting an embedded Elasticsearch node (heap %s) …", esHeap);
            embedded = EmbeddedElasticsearch.start(dir.resolve("elasticsearch"), dir.resolve("elasticsearch.log"),
                    EmbeddedElasticsearch.Settings.defaults().withMaxHeap(esHeap));
            url = embedded.url().toString();
        }
        try (ElasticsearchClient client = EsClients.create(EsConnection.of(url))) {
            return run(client, url, dir);
        } finally {
            if (embedded != null) {
                embedded.close();
            }
            if (!keep) {
                deleteRecursively(dir);
            }
        }
    }

    private int run(ElasticsearchClient client, String url, Path dir) throws Exception {
        Path enrichedFile = dir.resolve("enriched.bin");
        Path documentsFile = dir.resolve("documents.bin");
        long started = System.nanoTime();
        long[] bytes = generate(enrichedFile, documentsFile);
        say("Generated %,d articles in %.1f s: %,d MB of Kafka records, %,d MB of documents (%,d bytes each on average)",
                articles, seconds(started), bytes[0] >> 20, bytes[1] >> 20, bytes[1] / Math.max(1, articles));

        IndexLayout raw = RAW;
        IndexLayout indexer = INDEXER;
        IndexBootstrap bootstrap = new IndexBootstrap(client);
        for (IndexLayout layout : List.of(raw, indexer)) {
            deleteIndices(client, layout);
            bootstrap.ensure(layout);
        }
        BulkWriter.Settings settings = BulkWriter.Settings.DEFAULT.withLimits((long) bulkMb << 20, bulkDocs, concurrency);

        Rates rates = interleaved(client, url, raw.index(), indexer, documentsFile, enrichedFile, settings);
        say("raw _bulk:  %,.0f docs/s", rates.raw());
        say("indexer:    %,.0f docs/s", rates.indexer());
        say("indexer / raw _bulk = %.2f", rates.indexer() / rates.raw());
        if (rates.warmRaw() > 0) {
            // the first round also warms up the node's JIT and the indexer's (the bench JVM is fresh)
            say("first round left out (JIT warm): raw _bulk %,.0f docs/s, indexer %,.0f docs/s,"
                    + " indexer / raw _bulk = %.2f", rates.warmRaw(), rates.warmIndexer(), rates.warmIndexer() / rates.warmRaw());
        }
        for (IndexLayout layout : List.of(raw, indexer)) {
            client.indices().refresh(r -> r.index(layout.alias()));
            long count = client.count(c -> c.index(layout.alias())).count();
            if (count != articles) {
                throw new IllegalStateException(layout.alias() + " holds " + count + " documents, expected " + articles);
            }
        }
        awaitMergesSettled(client, raw, indexer);
        searchLatency(client, indexer);
        if (!keep) {
            for (IndexLayout layout : List.of(raw, indexer)) {
                deleteIndices(client, layout);
            }
        }
        return 0;
    }

    /**
     * Waits (at most 10 minutes) until neither index is merging. Right after a bulk load the node
     * merges the many small segments for minutes; searches then compete with the merges for the
     * two cores and measured twice the steady-state p95, which is not what a reader of a live
     * index sees.
     */
    private void awaitMergesSettled(ElasticsearchClient client, IndexLayout... layouts) throws Exception {
        long started = System.nanoTime();
        if (!mergesSettled(client, Duration.ofMinutes(10), layouts)) {
            say("merges still running after 10 minutes; searching anyway");
        }
        say("merges settled after %.1f s", seconds(started));
    }

    /** Polls until no index of {@code layouts} is merging; false if they still are at {@code timeout}. */
    static boolean mergesSettled(ElasticsearchClient client, Duration timeout, IndexLayout... layouts) throws Exception {
        List<String> aliases = Arrays.stream(layouts).map(IndexLayout::alias).toList();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Long merging = client.indices().stats(s -> s.index(aliases).metric(CommonStatsFlag.Merge))
                    .all().total().merges().current();
            if (merging == null || merging == 0) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(1000); // polling the node's merge count; no event to wait on
        }
    }

    /** Deletes {@code <alias>-v*} by name (clusters refuse wildcard deletes by default). */
    static void deleteIndices(ElasticsearchClient client, IndexLayout layout) throws IOException {
        List<String> names = new ArrayList<>(client.indices().get(g -> g.index(layout.indexPattern())
                .allowNoIndices(true)).indices().keySet());
        if (!names.isEmpty()) {
            client.indices().delete(d -> d.index(names));
        }
    }

    /** Writes the Kafka record values and the Elasticsearch documents, length-prefixed. */
    private long[] generate(Path enrichedFile, Path documentsFile) throws IOException {
        SyntheticArticles generator = new SyntheticArticles(seed);
        DocumentMapper mapper = new DocumentMapper();
        long[] bytes = new long[2];
        try (DataOutputStream enriched = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(enrichedFile), 1 << 20));
             DataOutputStream documents = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(documentsFile), 1 << 20))) {
            for (int i = 0; i < articles; i++) {
                EnrichedArticle article = generator.article(i);
                byte[] record = ModelJson.encode(article);
                enriched.writeInt(record.length);
                enriched.write(record);
                DocumentMapper.IndexDocument document = mapper.toDocument(article);
                byte[] json = document.json();
                documents.writeUTF(document.id());
                documents.writeInt(json.length);
                documents.write(json);
                bytes[0] += record.length;
                bytes[1] += json.length;
            }
        }
        return bytes;
    }

    /**
     * Documents per second of both paths, over all rounds and over the rounds after the first (0 when
     * there is only one round).
     */
    record Rates(double raw, double indexer, double warmRaw, double warmIndexer) {
    }

    /**
     * Both runs in alternating rounds of the same articles (raw first in even rounds, the indexer
     * first in odd ones), so a change in the machine's load during the run hits both alike. Each
     * rate is over the time spent in its own rounds.
     */
    private Rates interleaved(ElasticsearchClient client, String url, String rawIndex, IndexLayout layout,
                                 Path documentsFile, Path enrichedFile, BulkWriter.Settings settings) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        URI bulk = URI.create(url.replaceAll("/+$", "") + "/_bulk");
        int rounds = Math.max(1, Math.min(10, articles / 2000));
        int perRound = articles / rounds;
        long rawNanos = 0;
        long indexerNanos = 0;
        long firstRawNanos = 0;
        long firstIndexerNanos = 0;
        try (DataInputStream documents = new DataInputStream(new BufferedInputStream(Files.newInputStream(documentsFile), 1 << 20));
             DataInputStream records = new DataInputStream(new BufferedInputStream(Files.newInputStream(enrichedFile), 1 << 20));
             BulkWriter writer = new BulkWriter(client, layout.alias(), true, settings)) {
            IndexHandler handler = new IndexHandler(new DocumentMapper(), writer);
            long offset = 0;
            for (int round = 0; round < rounds; round++) {
                int count = round == rounds - 1 ? articles - round * perRound : perRound;
                for (int turn = 0; turn < 2; turn++) {
                    boolean rawTurn = (turn == 0) == (round % 2 == 0);
                    long started = System.nanoTime();
                    if (rawTurn) {
                        rawBulk(http, bulk, rawIndex, documents, count, settings);
                        rawNanos += System.nanoTime() - started;
                    } else {
                        indexer(handler, records, count, offset);
                        indexerNanos += System.nanoTime() - started;
                    }
                }
                if (round == 0) {
                    firstRawNanos = rawNanos;
                    firstIndexerNanos = indexerNanos;
                }
                offset += count;
            }
        }
        int warm = articles - perRound;
        return new Rates(articles / (rawNanos / 1e9), articles / (indexerNanos / 1e9),
                rounds < 2 ? 0 : warm / ((rawNanos - firstRawNanos) / 1e9),
                rounds < 2 ? 0 : warm / ((indexerNanos - firstIndexerNanos) / 1e9));
    }

    /** Prebuilt documents as NDJSON _bulk bodies with the same limits, {@code concurrency} in flight. */
    static void rawBulk(HttpClient http, URI bulk, String index, DataInputStream in, int count,
                                BulkWriter.Settings settings) throws Exception {
        Semaphore inFlight = new Semaphore(settings.concurrency());
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) settings.maxBytes() + 65536);
        int docs = 0;
        for (int i = 0; i < count; i++) {
            String id = in.readUTF();
            byte[] json = in.readNBytes(in.readInt());
            byte[] action = ("{\"index\":{\"_index\":\"" + index + "\",\"_id\":\"" + id + "\"}}\n")
                    .getBytes(StandardCharsets.UTF_8);
            if (docs > 0 && (body.size() + action.length + json.length + 1 > settings.maxBytes()
                    || docs >= settings.maxDocs())) {
                pending.add(send(http, bulk, body.toByteArray(), inFlight, failures));
                body.reset();
                docs = 0;
            }
            body.write(action);
            body.write(json);
            body.write('\n');
            docs++;
        }
        if (docs > 0) {
            pending.add(send(http, bulk, body.toByteArray(), inFlight, failures));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("raw _bulk failed: " + failures.get(0));
        }
    }

    private static CompletableFuture<Void> send(HttpClient http, URI bulk, byte[] body, Semaphore inFlight,
                                                List<String> failures) throws InterruptedException {
        inFlight.acquire();
        HttpRequest request = HttpRequest.newBuilder(bulk).timeout(Duration.ofMinutes(2))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            inFlight.release();
            if (error != null) {
                failures.add(error.toString());
            } else if (response.statusCode() != 200 || response.body().startsWith("{\"errors\":true")
                    || response.body().contains("\"errors\":true")) {
                failures.add("HTTP " + response.statusCode() + ": "
                        + response.body().substring(0, Math.min(500, response.body().length())));
            }
            return null;
        });
    }

    /** The index service's handler on batches of records, as the stage runner calls it. */
    private void indexer(IndexHandler handler, DataInputStream in, int count, long firstOffset) throws Exception {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>(batch);
        for (int i = 0; i < count; i++) {
            byte[] value = in.readNBytes(in.readInt());
            records.add(new ConsumerRecord<>(Topics.ENRICHED, 0, firstOffset + i, null, value));
            if (records.size() == batch || i == count - 1) {
                List<Rejection> rejections = handler.handle(records);
                if (!rejections.isEmpty()) {
                    throw new IllegalStateException("indexer rejected " + rejections.size() + " documents: "
                            + rejections.get(0).errorType() + " " + rejections.get(0).reason());
                }
                records = new ArrayList<>(batch);
            }
        }
    }

    private void searchLatency(ElasticsearchClient client, IndexLayout layout) throws Exception {
        Extractor extractor = Extractor.createDefault();
        ArticleSearch search = new ArticleSearch(client, layout, extractor::queryTokens);
        List<String> words = SyntheticArticles.queryWords();
        Random random = new Random(seed);
        Set<String> facets = Set.of("companies", "chips", "tags");
        long[] micros = new long[queries];
        long tookTotal = 0;
        long hitsTotal = 0;
        for (int i = 0; i < warmup + queries; i++) {
            String a = words.get(random.nextInt(words.size()));
            String b = words.get(random.nextInt(words.size()));
            while (b.equals(a)) {
                b = words.get(random.nextInt(words.size()));
            }
            ArticleQuery query = ArticleQuery.builder().text(a + " " + b).facets(facets).build();
            long t0 = System.nanoTime();
            SearchPage page = search.search(query);
            long elapsed = (System.nanoTime() - t0) / 1000;
            if (i >= warmup) {
                micros[i - warmup] = elapsed;
                tookTotal += page.tookMs();
                hitsTotal += page.total();
            }
        }
        Arrays.sort(micros);
        say("search (%d timed after %d warm-up; 2-term queries, facets companies+chips+tags, histogram, collapse,"
                        + " highlight; %,d articles, %,.0f matches on average):",
                queries, warmup, articles, hitsTotal / (double) queries);
        say("  p50 %.1f ms   p95 %.1f ms   p99 %.1f ms   max %.1f ms   (Elasticsearch 'took' mean %.1f ms)",
                percentile(micros, 50), percentile(micros, 95), percentile(micros, 99),
                micros[micros.length - 1] / 1000.0, tookTotal / (double) queries);
    }

    private static double percentile(long[] sortedMicros, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sortedMicros.length) - 1;
        return sortedMicros[Math.max(0, Math.min(rank, sortedMicros.length - 1))] / 1000.0;
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    private void say(String format, Object... args) {
        out.printf(format + "%n", args);
        out.flush();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
