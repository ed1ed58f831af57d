package io.newsctl.ingest.crawl;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Crawl states in memory: for tests, and for one-off crawls that need no memory of earlier runs. */
public final class MemoryStateStore implements CrawlStateStore {
    private final Map<String, CrawlState> states = new LinkedHashMap<>();

    @Override
    public synchronized void load(Consumer<CrawlState> sink) {
        states.values().forEach(sink);
    }

    @Override
    public synchronized void put(CrawlState state) {
        states.put(state.url(), state);
    }

    public synchronized CrawlState get(String url) {
        return states.get(url);
    }

    public synchronized Map<String, CrawlState> snapshot() {
        return Map.copyOf(states);
    }
}
