package io.newsctl.ingest;

import io.newsctl.model.RawArticle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds reposts: fed articles in order, it says which earlier article a new one duplicates — the
 * same normalised body (content hash), or a body whose SimHash is within {@code maxDistance} bits
 * (a repost with its own intro, credit line or small edits). Only originals are indexed, so the
 * answer is always the first article of a duplicate group.
 *
 * <p>An in-memory index: exact hashes in a map, SimHashes split into {@code maxDistance + 1} bands
 * so any fingerprint within the distance shares at least one band exactly (pigeonhole), which keeps
 * lookups far below a scan. The state is just (id, {@link Fingerprint}) pairs: the crawler stores
 * them in its crawl state and replays them through {@link #add} at start-up, newest first within a
 * cap ({@link io.newsctl.ingest.crawl.DedupIndex}). Thread-safe (synchronised).
 */
public final class DuplicateDetector {
    /** A duplicate found: the earlier article's id, the SimHash distance, whether the text is identical. */
    public record Match(String id, int distance, boolean exact) {
    }

    public static final int DEFAULT_MAX_DISTANCE = 4;
    /** Bodies shorter than this (comparison form) are matched exactly only. */
    public static final int DEFAULT_MIN_LENGTH = 60;

    private final int maxDistance;
    private final int minLength;
    private final int bands;
    private final Map<String, String> byHash = new HashMap<>();
    private final Map<String, Fingerprint> byId = new HashMap<>();
    private final List<Map<Long, List<String>>> bandIndex = new ArrayList<>();

    public DuplicateDetector() {
        this(DEFAULT_MAX_DISTANCE, DEFAULT_MIN_LENGTH);
    }

    public DuplicateDetector(int maxDistance, int minLength) {
        if (maxDistance < 0 || maxDistance > 16) {
            throw new IllegalArgumentException("maxDistance must be 0..16, was " + maxDistance);
        }
        this.maxDistance = maxDistance;
        this.minLength = minLength;
        this.bands = maxDistance + 1;
        for (int b = 0; b < bands; b++) {
            bandIndex.add(new HashMap<>());
        }
    }

    /** Checks an article and indexes it unless it is a duplicate; returns the id it duplicates, or null. */
    public String offer(RawArticle article) {
        return offer(article.id(), article.body());
    }

    /**
     * The article as it should be published: unchanged when it is new (and now indexed), else with
     * {@link RawArticle#duplicateOf()} set to the earlier article's id.
     */
    public RawArticle mark(RawArticle article) {
        String original = offer(article);
        return original == null ? article : article.withDuplicateOf(original);
    }

    /** Checks a body and indexes it under {@code id} unless it is a duplicate; returns the id it duplicates, or null. */
    public synchronized String offer(String id, String body) {
        Fingerprint fp = Fingerprint.of(body);
        Match m = find(id, fp);
        if (m != null) {
            return m.id();
        }
        add(id, fp);
        return null;
    }

    /** The earlier article a body duplicates, without indexing it; null if none. The same id never matches itself. */
    public synchronized Match find(String id, Fingerprint fp) {
        String exact = byHash.get(fp.contentHash());
        if (exact != null && !exact.equals(id)) {
            return new Match(exact, 0, true);
        }
        if (fp.length() < minLength) {
            return null;
        }
        Match best = null;
        for (int b = 0; b < bands; b++) {
            List<String> candidates = bandIndex.get(b).get(bandKey(fp.simHash(), b));
            if (candidates == null) {
                continue;
            }
            for (String other : candidates) {
                if (other.equals(id)) {
                    continue;
                }
                int d = fp.distance(byId.get(other));
                if (d <= maxDistance && (best == null || d < best.distance())) {
                    best = new Match(other, d, false);
                }
            }
        }
        return best;
    }

    /** Indexes an article as an original (re-adding an id replaces its fingerprint). */
    public synchronized void add(String id, Fingerprint fp) {
        Objects.requireNonNull(id, "id");
        Fingerprint old = byId.put(id, fp);
        if (old != null) {
            byHash.remove(old.contentHash(), id);
            if (old.length() >= minLength) {
                for (int b = 0; b < bands; b++) {
                    List<String> l = bandIndex.get(b).get(bandKey(old.simHash(), b));
                    if (l != null) {
                        l.remove(id);
                    }
                }
            }
        }
        byHash.putIfAbsent(fp.contentHash(), id);
        if (fp.length() >= minLength) {
            for (int b = 0; b < bands; b++) {
                bandIndex.get(b).computeIfAbsent(bandKey(fp.simHash(), b), k -> new ArrayList<>(1)).add(id);
            }
        }
    }

    /** Forgets an article (e.g. to keep the index within a size cap); no-op for an unknown id. */
    public synchronized void remove(String id) {
        Fingerprint old = byId.remove(id);
        if (old == null) {
            return;
        }
        byHash.remove(old.contentHash(), id);
        if (old.length() >= minLength) {
            for (int b = 0; b < bands; b++) {
                Long key = bandKey(old.simHash(), b);
                List<String> l = bandIndex.get(b).get(key);
                if (l != null) {
                    l.remove(id);
                    if (l.isEmpty()) {
                        bandIndex.get(b).remove(key);
                    }
                }
            }
        }
    }

    public synchronized int size() {
        return byId.size();
    }

    /** Band b of the 64 bits (bands of near-equal width), tagged with its index. */
    private long bandKey(long simHash, int b) {
        int from = b * 64 / bands;
        int to = (b + 1) * 64 / bands;
        int width = to - from;
        long mask = width == 64 ? -1L : (1L << width) - 1;
        return ((simHash >>> from) & mask);
    }
}
