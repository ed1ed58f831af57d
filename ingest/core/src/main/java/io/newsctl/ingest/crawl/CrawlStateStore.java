package io.newsctl.ingest.crawl;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * Where crawl states survive restarts: a compacted Kafka topic in the service and the CLI
 * ({@code crawl.state}), memory in tests.
 */
public interface CrawlStateStore extends AutoCloseable {

    /** Hands every stored state to {@code sink} (the latest per URL), then returns. */
    void load(Consumer<CrawlState> sink) throws IOException;

    /** Stores a state; durable when it returns. */
    void put(CrawlState state) throws IOException;

    @Override
    default void close() throws IOException {
    }
}
