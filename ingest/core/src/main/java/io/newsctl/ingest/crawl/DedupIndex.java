package io.newsctl.ingest.crawl;

import io.newsctl.ingest.DuplicateDetector;
import io.newsctl.ingest.Fingerprint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Near-duplicate detection that survives restarts and stays within a memory bound: a
 * {@link DuplicateDetector} holding the fingerprints of the most recent original articles, at most
 * {@code maxEntries} of them and none older than {@code window}. Rebuilt at start-up from the crawl
 * states (which carry each article's fingerprint); a repost of an article that has aged out is taken
 * as an original. Thread-safe.
 */
public final class DedupIndex {
    private final DuplicateDetector detector = new DuplicateDetector();
    private final int maxEntries;
    private final Duration window;
    /** id → when it was indexed, oldest first. */
    private final LinkedHashMap<String, Instant> order = new LinkedHashMap<>();

    public DedupIndex(int maxEntries, Duration window) {
        this.maxEntries = maxEntries;
        this.window = window;
    }

    /** Indexes the originals among {@code states}, newest kept when there are more than the cap. */
    public synchronized void restore(Iterable<CrawlState> states, Instant now) {
        List<CrawlState> originals = new ArrayList<>();
        Instant oldest = now.minus(window);
        for (CrawlState s : states) {
            if (s.fingerprint() != null && s.duplicateOf() == null && s.lastSuccessAt() != null
                    && s.lastSuccessAt().isAfter(oldest)) {
                originals.add(s);
            }
        }
        originals.sort(Comparator.comparing(CrawlState::lastSuccessAt));
        int from = Math.max(0, originals.size() - maxEntries);
        for (CrawlState s : originals.subList(from, originals.size())) {
            index(s.articleId(), s.fingerprint(), s.lastSuccessAt());
        }
    }

    /**
     * The earlier article this one duplicates, or null; an article that duplicates nothing is
     * indexed as an original (replacing what its id had before).
     */
    public synchronized DuplicateDetector.Match check(String articleId, Fingerprint fingerprint, Instant at) {
        DuplicateDetector.Match match = detector.find(articleId, fingerprint);
        if (match == null) {
            index(articleId, fingerprint, at);
        }
        return match;
    }

    public synchronized int size() {
        return detector.size();
    }

    private void index(String id, Fingerprint fp, Instant at) {
        detector.add(id, fp);
        order.remove(id);
        order.put(id, at);
        Instant oldest = at.minus(window);
        for (Iterator<Map.Entry<String, Instant>> it = order.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Instant> e = it.next();
            if (order.size() <= maxEntries && e.getValue().isAfter(oldest)) {
                break;
            }
            detector.remove(e.getKey());
            it.remove();
        }
    }
}
