package io.newsctl.ingest.crawl;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Counters of a crawler since it started, for the status endpoint, the CLI summary and tests. Thread-safe. */
public final class CrawlStats {

    /**
     * A consistent-enough copy of the counters.
     *
     * @param passes        times the frontier ran empty after work (a {@code --once} crawl is one pass)
     * @param requests      HTTP fetches of pages, feeds and sitemaps (robots.txt not counted)
     * @param fetched       200 responses
     * @param notModified   304 responses
     * @param retries       retryable failures queued again
     * @param failed        URLs recorded as failed (for good, or retries exhausted)
     * @param blocked       URLs refused by the SSRF guard
     * @param disallowed    URLs disallowed by robots.txt or its Crawl-delay
     * @param articles      articles published (duplicates included)
     * @param duplicates    of those, reposts marked {@code duplicateOf}
     * @param linksQueued   discovered URLs queued
     * @param linksRefused  discovered URLs refused because a queue bound was reached
     * @param statesKnown   crawl states in memory
     * @param queued        URLs waiting now
     * @param lastError     the last failure, saying which URL and why; null if none
     * @param lastPassAt    when the last pass ended
     */
    public record Snapshot(long passes, long requests, long fetched, long notModified, long retries, long failed,
                           long blocked, long disallowed, long articles, long duplicates, long linksQueued,
                           long linksRefused, long statesKnown, long queued, String lastError, Instant lastPassAt) {
    }

    final AtomicLong passes = new AtomicLong();
    final AtomicLong requests = new AtomicLong();
    final AtomicLong fetched = new AtomicLong();
    final AtomicLong notModified = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong blocked = new AtomicLong();
    final AtomicLong disallowed = new AtomicLong();
    final AtomicLong articles = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong linksQueued = new AtomicLong();
    final AtomicLong linksRefused = new AtomicLong();
    private volatile String lastError;
    private volatile Instant lastPassAt;

    void error(String message) {
        lastError = message;
    }

    void passEnded(Instant at) {
        passes.incrementAndGet();
        lastPassAt = at;
    }

    Snapshot snapshot(long statesKnown, long queued) {
        return new Snapshot(passes.get(), requests.get(), fetched.get(), notModified.get(), retries.get(), failed.get(),
                blocked.get(), disallowed.get(), articles.get(), duplicates.get(), linksQueued.get(),
                linksRefused.get(), statesKnown, queued, lastError, lastPassAt);
    }
}
