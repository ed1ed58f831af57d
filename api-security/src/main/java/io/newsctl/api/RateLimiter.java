package io.newsctl.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A token bucket per caller: {@code perMinute} requests at once, refilled evenly over a minute.
 * Remembers at most {@code maxCallers} callers (the least recently seen is forgotten first, which
 * only ever gives a forgotten caller a full bucket back).
 */
public final class RateLimiter {
    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final int perMinute;
    private final Map<String, double[]> buckets; // caller → {tokens, last refill nanos}

    public RateLimiter(int perMinute, int maxCallers) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("perMinute must be ≥ 1, was " + perMinute);
        }
        this.perMinute = perMinute;
        this.buckets = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, double[]> eldest) {
                return size() > maxCallers;
            }
        };
    }

    /** Takes a token for {@code caller}: 0 when allowed, else the whole seconds to wait before the next one. */
    public synchronized long acquire(String caller, long nowNanos) {
        double[] bucket = buckets.computeIfAbsent(caller, c -> new double[] {perMinute, nowNanos});
        double refill = (nowNanos - bucket[1]) * perMinute / (double) MINUTE_NANOS;
        bucket[0] = Math.min(perMinute, bucket[0] + Math.max(0, refill));
        bucket[1] = nowNanos;
        if (bucket[0] >= 1) {
            bucket[0] -= 1;
            return 0;
        }
        double nanosToNext = (1 - bucket[0]) * MINUTE_NANOS / perMinute;
        return Math.max(1, (long) Math.ceil(nanosToNext / 1e9));
    }
}
