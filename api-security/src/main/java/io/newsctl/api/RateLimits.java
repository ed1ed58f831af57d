package io.newsctl.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.util.Map;

/**
 * Per-caller limits of the expensive endpoints. The caller is the API key (its fingerprint) when
 * authentication is on, else the client's address. Over the limit: {@link RateLimitedException},
 * answered 429 with Retry-After.
 */
@Singleton
public class RateLimits {

    /**
     * {@code news.api.rate-limit.*}, env {@code NEWS_API_RATE_LIMIT_*}.
     *
     * @param searchPerMinute searches per caller and minute (bursts up to this)
     * @param exportPerMinute exports per caller and minute
     * @param maxCallers      callers remembered at once
     */
    @ConfigurationProperties("news.api.rate-limit")
    public record Settings(@Bindable(defaultValue = "120") @Min(1) @Max(100_000) int searchPerMinute,
                           @Bindable(defaultValue = "10") @Min(1) @Max(10_000) int exportPerMinute,
                           @Bindable(defaultValue = "10000") @Min(10) @Max(1_000_000) int maxCallers) {
    }

    /** What is limited. */
    public enum Kind { SEARCH, EXPORT }

    private final Map<Kind, RateLimiter> limiters;

    public RateLimits(Settings settings) {
        this.limiters = Map.of(
                Kind.SEARCH, new RateLimiter(settings.searchPerMinute(), settings.maxCallers()),
                Kind.EXPORT, new RateLimiter(settings.exportPerMinute(), settings.maxCallers()));
    }

    /** Counts one request of {@code kind}; throws when the caller is over its limit. */
    public void check(HttpRequest<?> request, Kind kind) {
        String caller = request.getUserPrincipal().map(Principal::getName)
                .orElseGet(() -> "ip:" + request.getRemoteAddress().getAddress().getHostAddress());
        long wait = limiters.get(kind).acquire(caller, System.nanoTime());
        if (wait > 0) {
            throw new RateLimitedException(kind, wait);
        }
    }
}
