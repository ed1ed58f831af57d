package io.newsctl.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.ErrorCause;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import io.newsctl.index.DocumentMapper.IndexDocument;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes documents with the bulk API: split into requests bounded by bytes and by count, a few of
 * them in flight at once, retried with capped back-off when the cluster pushes back (429, 5xx, a
 * refused or failed connection) — per item and per request. Every item ends up stored, rejected
 * for good (the document is wrong: it goes to the dead-letter topic), or, when the retries are
 * used up, the whole call fails with {@link UnavailableException} so the caller can pause and try
 * the batch again later (harmless: ids are stable). Sorting is by Elasticsearch's error type and
 * HTTP status, never by message text.
 */
public final class BulkWriter implements AutoCloseable {
    /** Error types that mean the document itself is wrong; retrying cannot help. */
    private static final Set<String> DOCUMENT_ERRORS = Set.of(
            "mapper_parsing_exception",
            "document_parsing_exception",
            "strict_dynamic_mapping_exception",
            "illegal_argument_exception",
            "mapper_exception",
            "parse_exception",
            "x_content_parse_exception");

    public enum Status { STORED, REJECTED, RETRY }

    /** What happened to one document. */
    public record ItemResult(String id, Status status, String errorType, String reason) {
    }

    /**
     * How bulk requests are cut and retried.
     *
     * @param maxBytes       largest request body (documents and action lines)
     * @param maxDocs        most documents in one request
     * @param concurrency    requests in flight at once
     * @param attempts       tries per document before the call gives up (≥ 1)
     * @param backoffInitial wait before the first retry; doubles up to {@code backoffMax}, with jitter
     * @param backoffMax     cap of the wait between retries
     * @param createOnly     {@code create} instead of {@code index}: an existing document wins (used
     *                       when copying an old index under live writes)
     */
    public record Settings(long maxBytes, int maxDocs, int concurrency, int attempts, Duration backoffInitial,
                           Duration backoffMax, boolean createOnly) {
        public static final Settings DEFAULT = new Settings(5L << 20, 1000, 2, 4, Duration.ofMillis(100),
                Duration.ofSeconds(2), false);

        public Settings {
            if (maxBytes < 1024 || maxDocs < 1 || concurrency < 1 || attempts < 1) {
                throw new IllegalArgumentException("bulk limits must be positive (bytes ≥ 1 KiB)");
            }
        }

        public Settings withCreateOnly(boolean create) {
            return new Settings(maxBytes, maxDocs, concurrency, attempts, backoffInitial, backoffMax, create);
        }

        public Settings withLimits(long bytes, int docs, int parallel) {
            return new Settings(bytes, docs, parallel, attempts, backoffInitial, backoffMax, createOnly);
        }

        public Settings withRetries(int tries, Duration initial, Duration max) {
            return new Settings(maxBytes, maxDocs, concurrency, tries, initial, max, createOnly);
        }
    }

    /** The cluster did not take the documents (down, timing out, 429/5xx) within the retries. */
    public static final class UnavailableException extends Exception {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final ElasticsearchClient client;
    private final String target;
    private final boolean requireAlias;
    private final Settings settings;
    private final ExecutorService pool;

    /** Writes through the alias of {@code layout} (never auto-creating an index), default settings. */
    public BulkWriter(ElasticsearchClient client, IndexLayout layout) {
        this(client, layout.alias(), true, Settings.DEFAULT);
    }

    /**
     * @param target       alias or index written to
     * @param requireAlias refuse to write when {@code target} is not an alias, so a deleted alias
     *                     can never make Elasticsearch create an index with guessed mappings
     */
    public BulkWriter(ElasticsearchClient client, String target, boolean requireAlias, Settings settings) {
        this.client = client;
        this.target = target;
        this.requireAlias = requireAlias;
        this.settings = settings;
        this.pool = settings.concurrency() == 1 ? null : Executors.newFixedThreadPool(settings.concurrency(), r -> {
            Thread t = new Thread(r, "bulk-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public Settings settings() {
        return settings;
    }

    /** Writes the documents; results in the same order. */
    public List<ItemResult> write(List<IndexDocument> documents) throws UnavailableException {
        return write(documents.size(), documents::get);
    }

    /**
     * Writes {@code n} documents produced on demand, results in the same order. Producing (mapping,
     * serialising) overlaps with sending: a request goes out as soon as it is full while the next
     * is being built, so Elasticsearch is not idle while the caller does its CPU work. A
     * {@code null} document is skipped (its result is {@code null}).
     */
    public List<ItemResult> write(int n, IntFunction<IndexDocument> source) throws UnavailableException {
        ItemResult[] results = new ItemResult[n];
        IndexDocument[] documents = new IndexDocument[n];
        byte[][] json = new byte[n][];
        List<List<Integer>> requests = new ArrayList<>();
        List<Future<Outcome>> sent = new ArrayList<>();
        Semaphore slots = new Semaphore(settings.concurrency());
        // several requests per call even for one batch, so `concurrency` of them can be in flight
        int perRequest = Math.min(settings.maxDocs(),
                Math.max(Math.min(n, 50), (n + 2 * settings.concurrency() - 1) / (2 * settings.concurrency())));
        List<Integer> current = new ArrayList<>();
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            IndexDocument document = source.apply(i);
            if (document == null) {
                continue;
            }
            documents[i] = document;
            json[i] = document.json();
            long size = json[i].length + 100L;
            if (!current.isEmpty() && (bytes + size > settings.maxBytes() || current.size() >= perRequest)) {
                requests.add(current);
                sent.add(submit(current, documents, json, slots));
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(i);
            bytes += size;
        }
        if (!current.isEmpty()) {
            requests.add(current);
            sent.add(submit(current, documents, json, slots));
        }
        List<Integer> pending = new ArrayList<>();
        Exception lastFailure = collect(requests, outcomes(sent), results, pending);
        List<IndexDocument> all = Arrays.asList(documents);
        for (int attempt = 1; attempt < settings.attempts() && !pending.isEmpty(); attempt++) {
            pause(attempt - 1);
            List<List<Integer>> retry = split(pending, json);
            List<Integer> again = new ArrayList<>();
            Exception failure = collect(retry, send(retry, all, json), results, again);
            lastFailure = failure != null ? failure : lastFailure;
            again.sort(null);
            pending = again;
        }
        if (!pending.isEmpty()) {
            ItemResult sample = results[pending.get(0)];
            String why = sample != null ? sample.errorType() + ": " + sample.reason()
                    : lastFailure == null ? "no answer" : lastFailure.getMessage();
            throw new UnavailableException(pending.size() + " of " + n + " documents not stored after "
                    + settings.attempts() + " attempts (" + why + ")", lastFailure);
        }
        return Arrays.asList(results);
    }

    /** Records the outcome of each request; documents to try again go to {@code retry}. */
    private static Exception collect(List<List<Integer>> requests, List<Outcome> outcomes, ItemResult[] results,
                                     List<Integer> retry) {
        Exception failure = null;
        for (int r = 0; r < requests.size(); r++) {
            Outcome outcome = outcomes.get(r);
            List<Integer> request = requests.get(r);
            if (outcome.failure != null) {
                failure = outcome.failure;
                retry.addAll(request);
                continue;
            }
            for (int k = 0; k < request.size(); k++) {
                int i = request.get(k);
                results[i] = outcome.items.get(k);
                if (results[i].status() == Status.RETRY) {
                    retry.add(i);
                }
            }
        }
        return failure;
    }

    private Future<Outcome> submit(List<Integer> request, IndexDocument[] documents, byte[][] json, Semaphore slots) {
        List<IndexDocument> all = Arrays.asList(documents);
        if (pool == null) {
            return CompletableFuture.completedFuture(sendOne(request, all, json));
        }
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.completedFuture(new Outcome(null, e));
        }
        return pool.submit(() -> {
            try {
                return sendOne(request, all, json);
            } finally {
                slots.release();
            }
        });
    }

    private static List<Outcome> outcomes(List<Future<Outcome>> futures) {
        List<Outcome> outcomes = new ArrayList<>(futures.size());
        for (Future<Outcome> future : futures) {
            try {
                outcomes.add(future.get());
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                outcomes.add(new Outcome(null, cause instanceof Exception ex ? ex : new RuntimeException(cause)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                outcomes.add(new Outcome(null, e));
            }
        }
        return outcomes;
    }

    /** Consecutive requests, each within the byte and count limits (a single oversize document goes alone). */
    List<List<Integer>> split(List<Integer> indexes, byte[][] json) {
        List<List<Integer>> requests = new ArrayList<>();
        List<Integer> current = new ArrayList<>();
        long bytes = 0;
        for (int i : indexes) {
            long size = json[i].length + 100L; // action line and newlines
            if (!current.isEmpty() && (bytes + size > settings.maxBytes() || current.size() >= settings.maxDocs())) {
                requests.add(current);
                current = new ArrayList<>();
                bytes = 0;
            }
            current.add(i);
            bytes += size;
        }
        if (!current.isEmpty()) {
            requests.add(current);
        }
        return requests;
    }

    private record Outcome(List<ItemResult> items, Exception failure) {
    }

    private List<Outcome> send(List<List<Integer>> requests, List<IndexDocument> documents, byte[][] json) {
        if (pool == null || requests.size() == 1) {
            List<Outcome> outcomes = new ArrayList<>(requests.size());
            for (List<Integer> request : requests) {
                outcomes.add(sendOne(request, documents, json));
            }
            return outcomes;
        }
        List<Future<Outcome>> futures = new ArrayList<>(requests.size());
        for (List<Integer> request : requests) {
            futures.add(pool.submit(() -> sendOne(request, documents, json)));
        }
        return outcomes(futures);
    }

    private Outcome sendOne(List<Integer> request, List<IndexDocument> documents, byte[][] json) {
        List<BulkOperation> operations = new ArrayList<>(request.size());
        for (int i : request) {
            String id = documents.get(i).id();
            BinaryData data = BinaryData.of(json[i], ContentType.APPLICATION_JSON);
            operations.add(settings.createOnly()
                    ? BulkOperation.of(op -> op.create(c -> c.index(target).id(id).document(data)))
                    : BulkOperation.of(op -> op.index(x -> x.index(target).id(id).document(data))));
        }
        BulkResponse response;
        try {
            response = client.bulk(b -> {
                b.operations(operations);
                if (requireAlias) {
                    b.requireAlias(true);
                }
                return b;
            });
        } catch (ElasticsearchException e) {
            if (e.status() == 429 || e.status() >= 500) {
                return new Outcome(null, new IOException("bulk refused: " + e.status() + " " + e.error().type(), e));
            }
            // 4xx for the whole request (e.g. the alias is missing): nothing to retry per document,
            // but not the documents' fault either; retried like an outage so nothing is lost.
            return new Outcome(null, new IOException("bulk request failed: " + e.status() + " "
                    + e.error().type() + ": " + e.error().reason(), e));
        } catch (IOException e) {
            return new Outcome(null, new IOException("Elasticsearch unreachable: " + e.getMessage(), e));
        } catch (RuntimeException e) {
            return new Outcome(null, e);
        }
        List<BulkResponseItem> items = response.items();
        List<ItemResult> results = new ArrayList<>(request.size());
        for (int k = 0; k < request.size(); k++) {
            results.add(classify(documents.get(request.get(k)).id(), items.get(k), settings.createOnly()));
        }
        return new Outcome(results, null);
    }

    private void pause(int retry) {
        long cap = settings.backoffMax().toMillis();
        long ceiling = Math.min(cap, settings.backoffInitial().toMillis() << Math.min(retry, 16));
        long wait = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        try {
            Thread.sleep(wait); // back-off between bulk retries, bounded by backoffMax × attempts
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ItemResult classify(String id, BulkResponseItem item) {
        return classify(id, item, false);
    }

    static ItemResult classify(String id, BulkResponseItem item, boolean createOnly) {
        ErrorCause error = item.error();
        if (error == null) {
            return new ItemResult(id, Status.STORED, null, null);
        }
        String type = error.type();
        String reason = error.reason();
        if (createOnly && item.status() == 409) {
            // a newer copy was written while we copied: it wins
            return new ItemResult(id, Status.STORED, type, reason);
        }
        if (item.status() == 429 || item.status() >= 500) {
            return new ItemResult(id, Status.RETRY, type, reason);
        }
        if (item.status() == 400 || DOCUMENT_ERRORS.contains(type)) {
            return new ItemResult(id, Status.REJECTED, type, reason);
        }
        // unavailable shards, anything unexpected: the cluster's problem, try again
        return new ItemResult(id, Status.RETRY, type, reason);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
