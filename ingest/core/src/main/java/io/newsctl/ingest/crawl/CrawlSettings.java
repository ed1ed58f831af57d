package io.newsctl.ingest.crawl;

import io.newsctl.ingest.fetch.FetchSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Every crawl policy in one validated record: politeness, retries, limits, state and dedup caps.
 * The service binds it from {@code news.crawl.*}; {@code newsctl crawl} from flags; tests from
 * {@link #builder()}. A bad value fails construction with the key's name.
 *
 * @param fetch               one HTTP fetch: User-Agent, timeouts, body size, redirects
 * @param robotsAgent         the product token matched against robots.txt {@code User-agent} lines
 * @param defaultDelay        pause between two requests to one host (robots Crawl-delay raises it)
 * @param maxCrawlDelay       a host whose robots.txt asks for a longer Crawl-delay is not crawled
 * @param maxRetries          attempts after the first for a retryable failure (5xx, 429, timeouts);
 *                            then the URL is recorded as failed
 * @param backoffInitial      first back-off of a failing host; doubles per consecutive failure
 * @param backoffMax          cap of that back-off
 * @param maxRetryAfter       cap on a server's Retry-After (a longer ask waits this long)
 * @param robotsTtl           how long a host's robots.txt is trusted before it is fetched again
 * @param maxQueuedPerHost    URLs waiting for one host; more are refused (and counted) until it drains
 * @param maxQueued           URLs waiting in all
 * @param threads             hosts fetched in parallel (one request at a time per host, always)
 * @param refetchAfter        an article fetched successfully is fetched again only after this long
 *                            (list pages, feeds and sitemaps are fetched on every schedule, conditionally)
 * @param retryFailedAfter    a URL recorded as failed, blocked or disallowed is tried again after this long
 * @param maxStates           crawl states kept in memory (most recent first); older URLs are treated as new
 * @param dedupMaxEntries     article fingerprints kept for near-duplicate detection (most recent first)
 * @param dedupWindow         fingerprints older than this are dropped from near-duplicate detection
 * @param allowedCidrs        internal address ranges the SSRF guard lets through (tests: 127.0.0.1/32)
 */
public record CrawlSettings(
        FetchSettings fetch,
        String robotsAgent,
        Duration defaultDelay,
        Duration maxCrawlDelay,
        int maxRetries,
        Duration backoffInitial,
        Duration backoffMax,
        Duration maxRetryAfter,
        Duration robotsTtl,
        int maxQueuedPerHost,
        int maxQueued,
        int threads,
        Duration refetchAfter,
        Duration retryFailedAfter,
        int maxStates,
        int dedupMaxEntries,
        Duration dedupWindow,
        List<String> allowedCidrs) {

    public CrawlSettings {
        Objects.requireNonNull(fetch, "fetch");
        if (robotsAgent == null || !robotsAgent.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("robots-agent must be a product token (letters, digits, - and _), was '"
                    + robotsAgent + "'");
        }
        notNegative(defaultDelay, "default-delay");
        notNegative(maxCrawlDelay, "max-crawl-delay");
        between(maxRetries, 0, 20, "max-retries");
        FetchSettingsChecks.positive(backoffInitial, "backoff-initial");
        FetchSettingsChecks.positive(backoffMax, "backoff-max");
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("backoff-max (" + backoffMax + ") must be >= backoff-initial ("
                    + backoffInitial + ")");
        }
        notNegative(maxRetryAfter, "max-retry-after");
        FetchSettingsChecks.positive(robotsTtl, "robots-ttl");
        between(maxQueuedPerHost, 1, 1_000_000, "max-queued-per-host");
        between(maxQueued, 1, 10_000_000, "max-queued");
        if (maxQueuedPerHost > maxQueued) {
            throw new IllegalArgumentException("max-queued-per-host (" + maxQueuedPerHost + ") must be <= max-queued ("
                    + maxQueued + ")");
        }
        between(threads, 1, 64, "threads");
        FetchSettingsChecks.positive(refetchAfter, "refetch-after");
        FetchSettingsChecks.positive(retryFailedAfter, "retry-failed-after");
        between(maxStates, 1_000, 50_000_000, "max-states");
        between(dedupMaxEntries, 1_000, 10_000_000, "dedup-max-entries");
        FetchSettingsChecks.positive(dedupWindow, "dedup-window");
        allowedCidrs = allowedCidrs == null ? List.of() : List.copyOf(allowedCidrs);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static CrawlSettings defaults() {
        return builder().build();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.fetch = fetch;
        b.robotsAgent = robotsAgent;
        b.defaultDelay = defaultDelay;
        b.maxCrawlDelay = maxCrawlDelay;
        b.maxRetries = maxRetries;
        b.backoffInitial = backoffInitial;
        b.backoffMax = backoffMax;
        b.maxRetryAfter = maxRetryAfter;
        b.robotsTtl = robotsTtl;
        b.maxQueuedPerHost = maxQueuedPerHost;
        b.maxQueued = maxQueued;
        b.threads = threads;
        b.refetchAfter = refetchAfter;
        b.retryFailedAfter = retryFailedAfter;
        b.maxStates = maxStates;
        b.dedupMaxEntries = dedupMaxEntries;
        b.dedupWindow = dedupWindow;
        b.allowedCidrs = allowedCidrs;
        return b;
    }

    /** The back-off after {@code failures} consecutive failures of a host: initial × 2^(failures−1), capped. */
    public Duration backoff(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        long factor = 1L << Math.min(failures - 1, 30);
        Duration d = backoffInitial.multipliedBy(factor);
        return d.compareTo(backoffMax) > 0 || d.isNegative() ? backoffMax : d;
    }

    private static void notNegative(Duration d, String key) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException(key + " must be zero or a positive duration, was " + d);
        }
    }

    private static void between(int value, int min, int max, String key) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be " + min + ".." + max + ", was " + value);
        }
    }

    /** Defaults after Nutch and StormCrawler: 5 s per host, robots Crawl-delay up to 30 s, 3 retries. */
    public static final class Builder {
        private FetchSettings fetch = FetchSettings.defaults();
        private String robotsAgent = "newsctl";
        private Duration defaultDelay = Duration.ofSeconds(5);
        private Duration maxCrawlDelay = Duration.ofSeconds(30);
        private int maxRetries = 3;
        private Duration backoffInitial = Duration.ofSeconds(30);
        private Duration backoffMax = Duration.ofHours(1);
        private Duration maxRetryAfter = Duration.ofHours(1);
        private Duration robotsTtl = Duration.ofHours(24);
        private int maxQueuedPerHost = 5_000;
        private int maxQueued = 100_000;
        private int threads = 4;
        private Duration refetchAfter = Duration.ofDays(30);
        private Duration retryFailedAfter = Duration.ofDays(1);
        private int maxStates = 200_000;
        private int dedupMaxEntries = 200_000;
        private Duration dedupWindow = Duration.ofDays(30);
        private List<String> allowedCidrs = List.of();

        private Builder() {
        }

        public Builder fetch(FetchSettings v) { fetch = v; return this; }
        public Builder robotsAgent(String v) { robotsAgent = v; return this; }
        public Builder defaultDelay(Duration v) { defaultDelay = v; return this; }
        public Builder maxCrawlDelay(Duration v) { maxCrawlDelay = v; return this; }
        public Builder maxRetries(int v) { maxRetries = v; return this; }
        public Builder backoffInitial(Duration v) { backoffInitial = v; return this; }
        public Builder backoffMax(Duration v) { backoffMax = v; return this; }
        public Builder maxRetryAfter(Duration v) { maxRetryAfter = v; return this; }
        public Builder robotsTtl(Duration v) { robotsTtl = v; return this; }
        public Builder maxQueuedPerHost(int v) { maxQueuedPerHost = v; return this; }
        public Builder maxQueued(int v) { maxQueued = v; return this; }
        public Builder threads(int v) { threads = v; return this; }
        public Builder refetchAfter(Duration v) { refetchAfter = v; return this; }
        public Builder retryFailedAfter(Duration v) { retryFailedAfter = v; return this; }
        public Builder maxStates(int v) { maxStates = v; return this; }
        public Builder dedupMaxEntries(int v) { dedupMaxEntries = v; return this; }
        public Builder dedupWindow(Duration v) { dedupWindow = v; return this; }
        public Builder allowedCidrs(List<String> v) { allowedCidrs = v; return this; }

        public CrawlSettings build() {
            return new CrawlSettings(fetch, robotsAgent, defaultDelay, maxCrawlDelay, maxRetries, backoffInitial,
                    backoffMax, maxRetryAfter, robotsTtl, maxQueuedPerHost, maxQueued, threads, refetchAfter,
                    retryFailedAfter, maxStates, dedupMaxEntries, dedupWindow, allowedCidrs);
        }
    }

    private static final class FetchSettingsChecks {
        static void positive(Duration d, String key) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(key + " must be a positive duration, was " + d);
            }
        }
    }
}
