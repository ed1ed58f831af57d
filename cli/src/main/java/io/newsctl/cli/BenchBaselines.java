package io.newsctl.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.newsctl.extract.Extractor;
import io.newsctl.index.BulkWriter;
import io.newsctl.index.DocumentMapper;
import io.newsctl.index.EsClients;
import io.newsctl.index.EsConnection;
import io.newsctl.index.IndexBootstrap;
import io.newsctl.index.IndexLayout;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.ModelJson;
import io.newsctl.model.SchemaException;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The ceilings {@code newsctl bench} compares the pipeline with, measured on the same articles in
 * the same run: the extractor alone in this JVM (decode the raw record, analyse, encode the enriched
 * record, on as many threads as the extract service uses — no Kafka), and raw {@code _bulk}
 * requests of the documents the index service would write (no Kafka, no mapping).
 */
final class BenchBaselines {
    /**
     * Items per second of wall time, CPU milliseconds per item of the process doing the work, and
     * for raw {@code _bulk} what the node did (else null).
     */
    record Rate(double perSecond, double cpuMillisPerItem, EsActivity activity) {
        Rate(double perSecond, double cpuMillisPerItem) {
            this(perSecond, cpuMillisPerItem, null);
        }
    }

    private final int threads = Runtime.getRuntime().availableProcessors();

    /**
     * Analyses {@code warmup} twice untimed, then {@code measured} timed; writes the articles' Elasticsearch
     * documents to {@code warmupDocuments} and {@code documents} (untimed) for {@link #rawBulk}.
     * Returns articles/s and this JVM's CPU per article.
     */
    Rate extractOnly(List<byte[]> warmup, List<byte[]> measured, Path warmupDocuments, Path documents)
            throws Exception {
        Extractor extractor = Extractor.createDefault();
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("bench-extract-", 0).factory());
        try {
            analyse(pool, extractor, warmup); // twice: on a busy machine the JIT is still compiling after one pass
            writeDocuments(analyse(pool, extractor, warmup), warmupDocuments);
            long pid = ProcessHandle.current().pid();
            long cpuBefore = CpuTime.processMillis(pid).orElse(0);
            long started = System.nanoTime();
            List<byte[]> enriched = analyse(pool, extractor, measured);
            double rate = measured.size() / ((System.nanoTime() - started) / 1e9);
            double cpu = (CpuTime.processMillis(pid).orElse(0) - cpuBefore) / (double) measured.size();
            writeDocuments(enriched, documents);
            return new Rate(rate, cpu);
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<byte[]> analyse(ExecutorService pool, Extractor extractor, List<byte[]> records)
            throws InterruptedException, ExecutionException {
        List<Callable<byte[]>> tasks = new ArrayList<>(records.size());
        for (byte[] record : records) {
            tasks.add(() -> ModelJson.encode(extractor.enrich(ModelJson.decodeRaw(record))));
        }
        List<byte[]> out = new ArrayList<>(records.size());
        for (Future<byte[]> result : pool.invokeAll(tasks)) {
            out.add(result.get());
        }
        return out;
    }

    /** Documents as {@link IndexBenchCommand#rawBulk} reads them: id, length, JSON. */
    private static void writeDocuments(List<byte[]> enriched, Path file) throws IOException, SchemaException {
        DocumentMapper mapper = new DocumentMapper();
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 20))) {
            for (byte[] record : enriched) {
                EnrichedArticle article = ModelJson.decodeEnriched(record);
                DocumentMapper.IndexDocument document = mapper.toDocument(article);
                byte[] json = document.json();
                out.writeUTF(document.id());
                out.writeInt(json.length);
                out.write(json);
            }
        }
    }

    /**
     * Raw {@code _bulk} of prebuilt documents into a fresh index with the product's template and the
     * index service's request limits: {@code warmupCount} untimed (the node's JIT warms up), then
     * {@code count} timed; the index is deleted afterwards so it does not compete with the pipeline.
     * Returns documents/s and the CPU per document of the Elasticsearch process {@code pid}.
     */
    Rate rawBulk(URI elasticsearch, long pid, Path warmupDocuments, int warmupCount, Path documents, int count)
            throws Exception {
        IndexLayout layout = new IndexLayout("bench-e2e-raw", 1);
        EsHttp es = new EsHttp(elasticsearch);
        try (ElasticsearchClient client = EsClients.create(EsConnection.of(elasticsearch.toString()))) {
            IndexBenchCommand.deleteIndices(client, layout);
            new IndexBootstrap(client).ensure(layout);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            URI bulk = URI.create(elasticsearch.toString().replaceAll("/+$", "") + "/_bulk");
            bulk(http, bulk, layout.index(), warmupDocuments, warmupCount);
            IndexBenchCommand.mergesSettled(client, Duration.ofMinutes(2), layout);
            EsActivity before = EsActivity.of(es.nodeStats());
            long cpuBefore = CpuTime.processMillis(pid).orElse(0);
            long elapsed = bulk(http, bulk, layout.index(), documents, count);
            // the node's work on these documents includes the merges of their segments, which run on
            // after the last bulk answered (the pipeline's burst lasts long enough to contain its own)
            client.indices().refresh(r -> r.index(layout.alias()));
            IndexBenchCommand.mergesSettled(client, Duration.ofMinutes(2), layout);
            double cpu = (CpuTime.processMillis(pid).orElse(0) - cpuBefore) / (double) count;
            EsActivity activity = EsActivity.of(es.nodeStats()).since(before);
            long stored = client.count(c -> c.index(layout.alias())).count();
            if (stored != warmupCount + count) {
                throw new IllegalStateException("raw _bulk stored " + stored + " documents, expected "
                        + (warmupCount + count));
            }
            IndexBenchCommand.deleteIndices(client, layout);
            return new Rate(count / (elapsed / 1e9), cpu, activity);
        }
    }

    /** Returns the nanoseconds it took. */
    private static long bulk(HttpClient http, URI bulk, String index, Path documents, int count) throws Exception {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(documents), 1 << 20))) {
            long started = System.nanoTime();
            IndexBenchCommand.rawBulk(http, bulk, index, in, count, BulkWriter.Settings.DEFAULT);
            return System.nanoTime() - started;
        }
    }
}
