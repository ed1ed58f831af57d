package io.newsctl.api;

import java.util.Locale;

/** A caller over its limit; {@link RateLimitedHandler} answers 429 with Retry-After. */
public final class RateLimitedException extends RuntimeException {
    private final long retryAfterSeconds;

    public RateLimitedException(RateLimits.Kind kind, long retryAfterSeconds) {
        super("too many " + kind.name().toLowerCase(Locale.ROOT) + " requests; retry in " + retryAfterSeconds + " s",
                null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
