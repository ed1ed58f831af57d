package io.newsctl.ingest.crawl;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawl states in memory (the most recently written {@code max-states}, older ones forgotten:
 * such a URL is treated as new if it is found again), written through to the {@link CrawlStateStore}.
 * Thread-safe.
 */
final class StateTable {
    private static final Logger LOG = LoggerFactory.getLogger(StateTable.class);

    private final CrawlStateStore store;
    private final Map<String, CrawlState> states;

    StateTable(CrawlStateStore store, int maxStates) {
        this.store = store;
        this.states = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CrawlState> eldest) {
                return size() > maxStates;
            }
        };
    }

    /** Reads the store (at start-up); returns how many states were read. */
    int load() throws IOException {
        long[] read = new long[1];
        store.load(s -> {
            read[0]++;
            remember(s);
        });
        return (int) read[0];
    }

    synchronized CrawlState get(String url) {
        return states.get(url);
    }

    /** Remembers and stores a state; a store failure is thrown after the state is remembered in memory. */
    void put(CrawlState state) throws IOException {
        remember(state);
        store.put(state);
    }

    synchronized int size() {
        return states.size();
    }

    synchronized List<CrawlState> all() {
        return new ArrayList<>(states.values());
    }

    private synchronized void remember(CrawlState state) {
        states.remove(state.url()); // re-insert: insertion order = recency of writing
        states.put(state.url(), state);
    }

    static void logStoreFailure(CrawlState state, IOException e) {
        LOG.warn("crawl state of {} not stored ({}); it is kept in memory and rewritten on its next fetch",
                state.url(), e.getMessage());
    }
}
