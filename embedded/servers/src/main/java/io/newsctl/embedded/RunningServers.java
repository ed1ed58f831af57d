package io.newsctl.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Servers started for one test run or demo, with their endpoints. {@link #close()} stops what was
 * started here (never external servers), in reverse order, then deletes the data directories it
 * was told to; log files stay for a post-mortem.
 */
public final class RunningServers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningServers.class);

    private final ServerEndpoints endpoints;
    private final Optional<EmbeddedKafka> embeddedKafka;
    private final Optional<EmbeddedElasticsearch> embeddedElasticsearch;
    private final List<AutoCloseable> resources;
    private final List<Path> deleteOnClose;
    private boolean closed;

    RunningServers(ServerEndpoints endpoints, Optional<EmbeddedKafka> embeddedKafka,
            Optional<EmbeddedElasticsearch> embeddedElasticsearch, List<AutoCloseable> resources,
            List<Path> deleteOnClose) {
        this.endpoints = endpoints;
        this.embeddedKafka = embeddedKafka;
        this.embeddedElasticsearch = embeddedElasticsearch;
        this.resources = List.copyOf(resources);
        this.deleteOnClose = List.copyOf(deleteOnClose);
    }

    public ServerEndpoints endpoints() {
        return endpoints;
    }

    /** The embedded broker, when Kafka runs in a child JVM (for pid, log, startup time). */
    public Optional<EmbeddedKafka> embeddedKafka() {
        return embeddedKafka;
    }

    /** The embedded node, when Elasticsearch runs in a child JVM. */
    public Optional<EmbeddedElasticsearch> embeddedElasticsearch() {
        return embeddedElasticsearch;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<Exception> failures = new ArrayList<>();
        for (AutoCloseable resource : resources.reversed()) {
            try {
                resource.close();
            } catch (Exception e) {
                failures.add(e);
            }
        }
        for (Path dir : deleteOnClose) {
            try {
                deleteRecursively(dir);
            } catch (UncheckedIOException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            IllegalStateException error = new IllegalStateException("closing servers " + endpoints + " failed");
            failures.forEach(error::addSuppressed);
            throw error;
        }
        LOG.info("servers {} closed", endpoints);
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
