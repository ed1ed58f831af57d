package io.newsctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsctl.embedded.ServerEndpoints;
import io.newsctl.model.ModelJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four services started against given servers, with the saved pages of a directory ingested:
 * what {@code newsctl demo} runs and what the end-to-end tests drive. {@link #start} returns once
 * every ingested article is searchable.
 */
final class DemoPipeline implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoPipeline.class);
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    /**
     * Small heaps and a serial collector: six JVMs share two cores and a laptop's memory. The young
     * generation has a fixed size: left to grow with a heap that starts at 64 MB it stayed ~25 MB,
     * and the index and extract services spent 3x the GC time copying and promoting the batch in
     * flight at every collection (BENCHMARKS.md, "End to end").
     */
    static final List<String> THROUGHPUT_JVM_OPTIONS = List.of(
            "-Xms64m", "-Xmx384m", "-Xmn128m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
    /**
     * For the demo: the client compiler only, which roughly halves the CPU a service burns while
     * starting (plenty for a few dozen articles; benchmarks use {@link #THROUGHPUT_JVM_OPTIONS}).
     */
    static final List<String> QUICK_START_JVM_OPTIONS = Stream.concat(
            THROUGHPUT_JVM_OPTIONS.stream(), Stream.of("-XX:TieredStopAtLevel=1")).toList();

    /**
     * @param samples    directory of saved pages to ingest
     * @param rules      directory of alert rules to load (JSON, one rule per file)
     * @param searchPort port of the search API and UI
     * @param logDir     where the services' logs go
     * @param jvmOptions options of the services' JVMs
     * @param env        further environment of every service (e.g. {@code NEWS_KAFKA_SECURITY_*})
     */
    record Options(Path samples, Path rules, int searchPort, Path logDir, List<String> jvmOptions,
                   Map<String, String> env) {
        Options {
            env = Map.copyOf(env);
        }

        Options(Path samples, Path rules, int searchPort, Path logDir, List<String> jvmOptions) {
            this(samples, rules, searchPort, logDir, jvmOptions, Map.of());
        }
    }

    private final List<ServiceProcess> services;
    private final ServiceProcess index;
    private final ServiceProcess ingest;
    private final int articles;

    private DemoPipeline(List<ServiceProcess> services, ServiceProcess index, ServiceProcess ingest, int articles) {
        this.services = services;
        this.index = index;
        this.ingest = ingest;
        this.articles = articles;
    }

    static DemoPipeline start(ServerEndpoints servers, Options options) {
        requireFree(options.searchPort());
        try {
            Files.createDirectories(options.logDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> common = new java.util.HashMap<>(Map.of(
                "NEWS_KAFKA_BOOTSTRAP_SERVERS", servers.kafkaBootstrap(),
                "NEWS_KAFKA_CREATE_TOPICS", "true"));
        common.putAll(options.env());
        List<ServiceProcess> started = new ArrayList<>();
        // All four start at once, each on a thread of its own (the common pool has one worker on two
        // cores). Order does not matter: the consumer groups are new, so they start at the earliest
        // offset and read whatever ingest published before they joined.
        ExecutorService starter = Executors.newFixedThreadPool(4, Thread.ofPlatform().name("start-", 0).factory());
        try {
            List<CompletableFuture<ServiceProcess>> launches = List.of(
                    CompletableFuture.supplyAsync(() -> launch(started, "index", options.searchPort(),
                            with(common, "NEWS_ELASTICSEARCH_URL", servers.elasticsearchUrl().toString()), options),
                            starter),
                    CompletableFuture.supplyAsync(() -> launch(started, "extract", freePort(), common, options),
                            starter),
                    CompletableFuture.supplyAsync(() -> launch(started, "alert", freePort(),
                            with(common, "NEWS_ALERT_SEED_RULES_DIR", options.rules().toAbsolutePath().toString()),
                            options), starter),
                    CompletableFuture.supplyAsync(() -> launch(started, "ingest", freePort(),
                            with(common, "NEWS_INGEST_FILES_ROOT", options.samples().toAbsolutePath().toString()),
                            options), starter));
            RuntimeException failure = null;
            for (CompletableFuture<ServiceProcess> launch : launches) {
                try {
                    launch.join();
                } catch (CompletionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : e;
                    if (failure == null) {
                        failure = cause;
                    } else {
                        failure.addSuppressed(cause);
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            ServiceProcess index = launches.get(0).join();
            ServiceProcess ingest = launches.get(3).join();
            int articles = awaitIngested(ingest);
            awaitSearchable(index, articles);
            return new DemoPipeline(List.copyOf(started), index, ingest, articles);
        } catch (RuntimeException e) {
            stopAll(started);
            throw e;
        } finally {
            starter.shutdown();
        }
    }

    private static ServiceProcess launch(List<ServiceProcess> started, String name, int port, Map<String, String> env,
                                         Options options) {
        ServiceProcess service = ServiceProcess.start(name, port, env, options.jvmOptions(), options.logDir());
        synchronized (started) {
            started.add(service);
        }
        service.awaitReady(READY_TIMEOUT);
        LOG.info("{} ready on port {} (pid {})", name, port, service.pid());
        return service;
    }

    /** Waits for the first scan of the saved pages and returns how many articles it published. */
    private static int awaitIngested(ServiceProcess ingest) {
        int[] known = new int[1];
        waitFor(ingest, "the first scan of the saved pages", () -> {
            JsonNode status = json(ingest.get("/api/ingest/status"));
            if (status.path("lastError").isTextual()) {
                throw new IllegalStateException("ingest failed: " + status.path("lastError").asText());
            }
            known[0] = status.path("articlesKnown").asInt();
            return status.path("scans").asInt() >= 1;
        });
        return known[0];
    }

    private static void awaitSearchable(ServiceProcess index, int articles) {
        waitFor(index, articles + " articles searchable",
                () -> json(index.get("/api/search?size=1")).path("total").asLong() >= articles);
    }

    private interface Check {
        boolean done() throws Exception;
    }

    private static void waitFor(ServiceProcess service, String what, Check check) {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.done()) {
                    return;
                }
            } catch (IllegalStateException e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            try {
                Thread.sleep(200); // polling a child process; the loop is bounded by the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
        throw new IllegalStateException("timed out waiting for " + what + (last == null ? "" : ": " + last)
                + "; see " + service.logFile());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return ModelJson.mapper().readTree(response.body());
    }

    private static Map<String, String> with(Map<String, String> env, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(env);
        copy.put(key, value);
        return copy;
    }

    /**
     * Fails early when the search port is taken: otherwise the readiness check could be answered
     * by whatever already listens there while the index service fails to bind.
     */
    private static void requireFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " is already in use; choose another with --port");
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port", e);
        }
    }

    String searchBaseUrl() {
        return index.baseUrl();
    }

    /** Whether the index service serves the web UI at {@code /}. */
    boolean servesUi() {
        try {
            return index.get("/").statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    int articlesIngested() {
        return articles;
    }

    List<ServiceProcess> services() {
        return services;
    }

    ServiceProcess ingest() {
        return ingest;
    }

    /** Stops the producers first, the index last, so what is in flight gets indexed. */
    @Override
    public void close() {
        stopAll(services);
    }

    private static void stopAll(List<ServiceProcess> services) {
        List<ServiceProcess> order = new ArrayList<>(services);
        order.sort(java.util.Comparator.comparingInt(s -> List.of("ingest", "extract", "alert", "index").indexOf(s.name())));
        for (ServiceProcess service : order) {
            try {
                service.close();
            } catch (RuntimeException e) {
                LOG.warn("stopping {} failed: {}", service.name(), e.toString());
            }
        }
    }
}
