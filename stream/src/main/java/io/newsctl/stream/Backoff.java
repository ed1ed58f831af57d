package io.newsctl.stream;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Capped exponential back-off with full jitter, so restarted instances do not retry in step. */
public record Backoff(Duration initial, Duration max) {

    /** The wait before retry number {@code attempt} (0-based). */
    public Duration delay(int attempt) {
        long cap = max.toMillis();
        long exponential = initial.toMillis() << Math.min(attempt, 20);
        long ceiling = Math.min(cap, exponential <= 0 ? cap : exponential);
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
