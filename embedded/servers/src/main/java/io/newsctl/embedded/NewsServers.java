package io.newsctl.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import io.newsctl.embedded.ServerEndpoints.Backend;
import io.newsctl.embedded.ServerEndpoints.Mode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provides Kafka and Elasticsearch for tests and the demo. For each server, in this order:
 * <ol>
 *   <li>the address in {@code NEWS_KAFKA_BOOTSTRAP} / {@code NEWS_ES_URL}, when set;</li>
 *   <li>a Testcontainers container, when a Docker engine is available;</li>
 *   <li>an embedded server in a child JVM.</li>
 * </ol>
 * Both servers start in parallel. Layout of a data directory: {@code kafka/} and
 * {@code elasticsearch/} (server data) and {@code kafka.log}, {@code elasticsearch.log}.
 */
public final class NewsServers {

    private static final Logger LOG = LoggerFactory.getLogger(NewsServers.class);

    /** Parent directory for the shared servers' fresh data dirs; default {@code target/embedded-servers}. */
    public static final String DIR_PROPERTY = "newsctl.embedded.dir";

    private static final Object SHARED_LOCK = new Object();
    private static RunningServers shared;
    private static RuntimeException sharedFailure;

    private NewsServers() {
    }

    /**
     * The servers of this JVM, started on first use and stopped by a shutdown hook; their data
     * lives in a fresh directory that is deleted then. A failed start is not retried: later calls
     * rethrow it, so a broken setup fails each test fast instead of timing out again.
     */
    public static ServerEndpoints shared() {
        return sharedServers().endpoints();
    }

    /** The shared servers themselves (pids, logs, startup times). Closed by the shutdown hook; do not close. */
    static RunningServers sharedServers() {
        synchronized (SHARED_LOCK) {
            if (shared != null) {
                return shared;
            }
            if (sharedFailure != null) {
                throw new IllegalStateException("the shared servers failed to start earlier in this JVM", sharedFailure);
            }
            try {
                Path dir = freshDirectory();
                BackendChoice choice = BackendChoice.decide(System.getenv(), ContainerServers::dockerAvailable);
                RunningServers servers = start(dir, choice,
                        List.of(dir.resolve("kafka"), dir.resolve("elasticsearch")));
                Runtime.getRuntime().addShutdownHook(new Thread(servers::close, "newsctl-shared-servers"));
                shared = servers;
                return servers;
            } catch (RuntimeException e) {
                sharedFailure = e;
                throw e;
            }
        }
    }

    /** Env, else containers, else embedded; data in {@code dataDir}, which the caller owns. */
    public static RunningServers start(Path dataDir) {
        return start(dataDir, BackendChoice.decide(System.getenv(), ContainerServers::dockerAvailable), List.of());
    }

    /**
     * Both servers embedded, whatever the environment says (for {@code newsctl demo}). Data stays
     * in {@code dataDir} after close, so a later start can reuse it.
     */
    public static RunningServers startEmbedded(Path dataDir) {
        return start(dataDir, new BackendChoice(Mode.both(Backend.EMBEDDED), Optional.empty(), Optional.empty()),
                List.of());
    }

    static RunningServers start(Path dataDir, BackendChoice choice, List<Path> deleteOnClose) {
        Path dir = dataDir.toAbsolutePath();
        LOG.info("starting servers ({}) in {}", choice.mode(), dir);
        CompletableFuture<Started<String>> kafkaStart = startAsync(() -> startKafka(choice, dir));
        CompletableFuture<Started<URI>> elasticsearchStart = startAsync(() -> startElasticsearch(choice, dir));
        List<RuntimeException> failures = new ArrayList<>();
        Optional<Started<String>> kafka = await(kafkaStart, failures);
        Optional<Started<URI>> elasticsearch = await(elasticsearchStart, failures);
        List<AutoCloseable> resources = new ArrayList<>();
        kafka.flatMap(Started::stopper).ifPresent(resources::add);
        elasticsearch.flatMap(Started::stopper).ifPresent(resources::add);
        if (!failures.isEmpty()) {
            throw stopAfterFailure(resources, failures);
        }
        RunningServers servers = new RunningServers(
                new ServerEndpoints(kafka.orElseThrow().address(), elasticsearch.orElseThrow().address(), choice.mode()),
                kafka.flatMap(Started::embedded).map(EmbeddedKafka.class::cast),
                elasticsearch.flatMap(Started::embedded).map(EmbeddedElasticsearch.class::cast),
                resources, deleteOnClose);
        LOG.info("servers ready: {}", servers.endpoints());
        return servers;
    }

    /** Stops the server that did start, and returns the first failure with the rest attached. */
    private static RuntimeException stopAfterFailure(List<AutoCloseable> started, List<RuntimeException> failures) {
        RuntimeException failure = failures.get(0);
        failures.stream().skip(1).forEach(failure::addSuppressed);
        for (AutoCloseable resource : started) {
            try {
                resource.close();
            } catch (Exception closeFailure) {
                failure.addSuppressed(closeFailure);
            }
        }
        return failure;
    }

    /** A started (or given) server: its address, what stops it, and the embedded handle if any. */
    private record Started<A>(A address, Optional<AutoCloseable> stopper, Optional<Object> embedded) {
        static <A> Started<A> external(A address) {
            return new Started<>(address, Optional.empty(), Optional.empty());
        }
    }

    private static Started<String> startKafka(BackendChoice choice, Path dir) {
        return switch (choice.mode().kafka()) {
            case EXTERNAL -> Started.external(choice.externalKafka().orElseThrow());
            case TESTCONTAINERS -> {
                KafkaContainer container = ContainerServers.startKafka();
                yield new Started<>(container.getBootstrapServers(), Optional.of(container), Optional.empty());
            }
            case EMBEDDED -> {
                EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"), dir.resolve("kafka.log"),
                        EmbeddedKafka.Settings.defaults());
                yield new Started<>(kafka.bootstrapServers(), Optional.of(kafka), Optional.of(kafka));
            }
        };
    }

    private static Started<URI> startElasticsearch(BackendChoice choice, Path dir) {
        return switch (choice.mode().elasticsearch()) {
            case EXTERNAL -> Started.external(URI.create(choice.externalElasticsearch().orElseThrow()));
            case TESTCONTAINERS -> {
                GenericContainer<?> container = ContainerServers.startElasticsearch();
                yield new Started<>(ContainerServers.elasticsearchUrl(container), Optional.of(container),
                        Optional.empty());
            }
            case EMBEDDED -> {
                EmbeddedElasticsearch es = EmbeddedElasticsearch.start(dir.resolve("elasticsearch"),
                        dir.resolve("elasticsearch.log"), EmbeddedElasticsearch.Settings.defaults());
                yield new Started<>(es.url(), Optional.of(es), Optional.of(es));
            }
        };
    }

    /** On its own (non-daemon) thread: a starting child JVM must not be left half-owned. */
    private static <T> CompletableFuture<T> startAsync(Supplier<T> start) {
        CompletableFuture<T> future = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                future.complete(start.get());
            } catch (Throwable t) {
                future.completeExceptionally(t);
            }
        }, "newsctl-server-start");
        thread.start();
        return future;
    }

    private static <A> Optional<Started<A>> await(CompletableFuture<Started<A>> start,
            List<RuntimeException> failures) {
        try {
            return Optional.of(start.join());
        } catch (CompletionException e) {
            failures.add(e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause()));
            return Optional.empty();
        }
    }

    private static Path freshDirectory() {
        Path base = Path.of(System.getProperty(DIR_PROPERTY, "target/embedded-servers")).toAbsolutePath();
        try {
            Files.createDirectories(base);
            return Files.createTempDirectory(base, "run-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a data directory under " + base, e);
        }
    }
}
