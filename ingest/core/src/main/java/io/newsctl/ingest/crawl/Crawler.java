package io.newsctl.ingest.crawl;

import io.newsctl.ingest.crawl.CrawlState.Status;
import io.newsctl.ingest.fetch.FetchResult;
import io.newsctl.ingest.fetch.HttpFetcher;
import io.newsctl.ingest.fetch.Validators;
import io.newsctl.ingest.source.Discovery;
import io.newsctl.ingest.source.SourceConfig;
import io.newsctl.net.TargetGuard;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crawl loop: sources → {@link Frontier} (a queue per host) → robots.txt ({@link RobotsCache}) →
 * {@link HttpFetcher} → feeds and sitemaps to {@link Discovery}, pages to {@link PageProcessor}
 * (parse, dedup, publish) → {@link CrawlState} stored. {@code threads} workers each take a ready
 * host, fetch one URL, and hand the host back with the time its next request may go out: the
 * per-host delay or robots Crawl-delay after a success, exponential back-off (or the server's
 * Retry-After, capped) after a retryable failure. A URL that fails is retried up to
 * {@code max-retries} times, then recorded as failed; every outcome lands in the crawl state.
 */
public final class Crawler {
    private static final Logger LOG = LoggerFactory.getLogger(Crawler.class);
    /** Longest single wait, so a stop request or a newly due source is noticed promptly. */
    private static final Duration MAX_NAP = Duration.ofSeconds(1);

    private final CrawlSettings settings;
    private final Map<String, SourceConfig> sources = new LinkedHashMap<>();
    private final HttpFetcher fetcher;
    private final RobotsCache robots;
    private final StateTable states;
    private final DedupIndex dedup;
    private final PageProcessor pages;
    private final ResponseArchive archive;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Frontier frontier;
    private final CrawlStats stats = new CrawlStats();
    private final Map<String, Instant> due = new HashMap<>();
    private final Links links;
    private volatile boolean workSincePass;

    public Crawler(CrawlSettings settings, List<SourceConfig> sources, HttpFetcher fetcher, CrawlStateStore store,
                   ArticleSink sink, ResponseArchive archive, Clock clock, Sleeper sleeper) {
        this.settings = settings;
        for (SourceConfig s : sources) {
            if (this.sources.put(s.name(), s) != null) {
                throw new IllegalArgumentException("duplicate source name " + s.name());
            }
        }
        this.fetcher = fetcher;
        this.robots = new RobotsCache(fetcher, settings.robotsAgent(), settings.robotsTtl());
        this.states = new StateTable(store, settings.maxStates());
        this.dedup = new DedupIndex(settings.dedupMaxEntries(), settings.dedupWindow());
        this.pages = new PageProcessor(dedup, sink);
        this.archive = archive;
        this.clock = clock;
        this.sleeper = sleeper;
        this.frontier = new Frontier(settings.maxQueuedPerHost(), settings.maxQueued());
        this.links = new Links(settings, this.sources, frontier, states, stats);
    }

    /** A crawler with the JDK HTTP client and an SSRF guard allowing {@code settings.allowedCidrs()}. */
    public static Crawler create(CrawlSettings settings, List<SourceConfig> sources, CrawlStateStore store,
                                 ArticleSink sink, ResponseArchive archive) {
        Clock clock = Clock.systemUTC();
        HttpFetcher fetcher = new HttpFetcher(settings.fetch(), new TargetGuard(settings.allowedCidrs()), clock);
        return new Crawler(settings, sources, fetcher, store, sink, archive, clock, Sleeper.SYSTEM);
    }

    /** Reads the stored crawl states and rebuilds near-duplicate detection from them. Call once, before crawling. */
    public void restore() throws IOException {
        int read = states.load();
        dedup.restore(states.all(), clock.instant());
        LOG.info("crawl state restored: {} records read, {} URLs kept, {} article fingerprints indexed",
                read, states.size(), dedup.size());
    }

    /** One pass: every source's URLs, then everything found from them, until nothing is left. */
    public CrawlStats.Snapshot runOnce() throws InterruptedException {
        Instant now = clock.instant();
        sources.values().forEach(s -> seed(s, now));
        work(true, () -> false);
        return status();
    }

    /** Crawls until {@code stopped} says so: each source again when its schedule comes round. */
    public void run(BooleanSupplier stopped) throws InterruptedException {
        work(false, stopped);
    }

    public CrawlStats.Snapshot status() {
        return stats.snapshot(states.size(), frontier.queued());
    }

    /** The state of a URL (for tests and diagnostics), or null. */
    public CrawlState state(String url) {
        return states.get(url);
    }

    private void work(boolean once, BooleanSupplier stopped) throws InterruptedException {
        if (settings.threads() == 1) {
            loop(once, stopped);
        } else {
            Workers.run(settings.threads(), "crawl-", () -> loop(once, stopped));
        }
    }

    private void loop(boolean once, BooleanSupplier stopped) throws InterruptedException {
        while (!stopped.getAsBoolean()) {
            Instant now = clock.instant();
            if (!once) {
                seedDue(now);
            }
            switch (frontier.poll(now)) {
                case Frontier.Poll.Ready ready -> process(ready.item());
                case Frontier.Poll.Wait wait -> sleeper.sleep(min(wait.duration(), MAX_NAP));
                case Frontier.Poll.Empty empty -> {
                    if (empty.inFlight() == 0) {
                        endPass(now);
                        if (once) {
                            return;
                        }
                        frontier.prune(now);
                    }
                    sleeper.sleep(once ? Duration.ofMillis(20) : MAX_NAP);
                }
            }
        }
    }

    private synchronized void endPass(Instant now) {
        if (workSincePass) {
            workSincePass = false;
            stats.passEnded(now);
        }
    }

    private synchronized void seedDue(Instant now) {
        for (SourceConfig s : sources.values()) {
            Instant at = due.get(s.name());
            if (at == null || !at.isAfter(now)) {
                seed(s, now);
            }
        }
    }

    private synchronized void seed(SourceConfig source, Instant now) {
        CrawlItem.Kind kind = switch (source.kind()) {
            case FEED -> CrawlItem.Kind.FEED;
            case SITEMAP -> CrawlItem.Kind.SITEMAP;
            case LIST, SEEDS -> CrawlItem.Kind.PAGE;
        };
        for (String url : source.urls()) {
            links.queue(CrawlItem.entry(url, source.name(), kind));
        }
        due.put(source.name(), now.plus(source.schedule()));
        workSincePass = true;
    }

    /** Fetches one URL and records what came of it; never throws but for interruption. */
    void process(CrawlItem item) throws InterruptedException {
        workSincePass = true;
        Instant started = clock.instant();
        Instant next = started; // no request made: no politeness wait owed
        CrawlItem retry = null;
        try {
            Outcome outcome = attempt(item, started);
            next = outcome.next();
            retry = outcome.retry();
        } catch (RuntimeException e) {
            LOG.error("crawl of {} failed unexpectedly", item.url(), e);
            record(item, Status.FAILED, 0, "internal error crawling " + item.url() + ": " + e, null);
        } finally {
            frontier.release(item, next, retry);
        }
    }

    private record Outcome(Instant next, CrawlItem retry) {
    }

    private Outcome attempt(CrawlItem item, Instant now) throws InterruptedException {
        String host = item.hostKey();
        Duration delay = settings.defaultDelay();
        switch (robots.rules(host, now)) {
            case RobotsCache.Answer.Blocked blocked -> {
                record(item, Status.BLOCKED, 0, blocked.failure().message(), null);
                return new Outcome(now, null);
            }
            case RobotsCache.Answer.Unavailable unavailable -> {
                return failedRetryably(item, host, clock.instant(), delay, unavailable.failure(),
                        "robots.txt unavailable: ");
            }
            case RobotsCache.Answer.Rules rules -> {
                if (rules.crawlDelay() != null && rules.crawlDelay().compareTo(settings.maxCrawlDelay()) > 0) {
                    record(item, Status.DISALLOWED, 0, "not fetched: " + item.url() + ": " + host
                            + "/robots.txt asks for a Crawl-delay of " + rules.crawlDelay().toSeconds()
                            + " s, over max-crawl-delay " + settings.maxCrawlDelay().toSeconds() + " s", null);
                    return new Outcome(now, null);
                }
                if (!rules.rules().isAllowed(item.url())) {
                    record(item, Status.DISALLOWED, 0, "not fetched: " + item.url() + " is disallowed by "
                            + host + "/robots.txt for " + settings.robotsAgent(), null);
                    return new Outcome(now, null);
                }
                if (rules.crawlDelay() != null && rules.crawlDelay().compareTo(delay) > 0) {
                    delay = rules.crawlDelay();
                }
            }
        }
        CrawlState prior = states.get(item.url());
        Validators validators = prior != null && prior.succeeded() ? prior.validators() : Validators.NONE;
        stats.requests.incrementAndGet();
        FetchResult result = fetcher.fetch(item.url(), validators);
        Instant done = clock.instant();
        switch (result) {
            case FetchResult.Fetched fetched -> {
                frontier.recordOutcome(host, false);
                stats.fetched.incrementAndGet();
                return fetched(item, fetched, prior, done, delay);
            }
            case FetchResult.NotModified notModified -> {
                frontier.recordOutcome(host, false);
                stats.notModified.incrementAndGet();
                store(CrawlState.notModified(item, prior, done));
                return new Outcome(done.plus(delay), null);
            }
            case FetchResult.Failed failed when failed.retryable() -> {
                return failedRetryably(item, host, done, delay, failed, "");
            }
            case FetchResult.Failed failed -> {
                Status status = failed.reason() == FetchResult.Reason.BLOCKED ? Status.BLOCKED : Status.FAILED;
                record(item, status, failed.status(), failed.message(), prior);
                return new Outcome(done.plus(delay), null);
            }
        }
    }

    private Outcome failedRetryably(CrawlItem item, String host, Instant at, Duration delay, FetchResult.Failed failed,
                                    String prefix) {
        int failures = frontier.recordOutcome(host, true);
        Duration wait = max(delay, settings.backoff(failures));
        if (failed.retryAfter() != null) {
            wait = max(wait, min(failed.retryAfter(), settings.maxRetryAfter()));
        }
        Instant next = at.plus(wait);
        if (item.attempt() < settings.maxRetries()) {
            stats.retries.incrementAndGet();
            record(item, Status.RETRYING, failed.status(), prefix + failed.message() + "; attempt "
                    + (item.attempt() + 1) + " of " + (settings.maxRetries() + 1) + ", next after " + next, null);
            return new Outcome(next, item.retry());
        }
        record(item, Status.FAILED, failed.status(), prefix + failed.message() + "; gave up after "
                + (item.attempt() + 1) + " attempts", null);
        return new Outcome(next, null);
    }

    private Outcome fetched(CrawlItem item, FetchResult.Fetched f, CrawlState prior, Instant at, Duration delay) {
        Instant next = at.plus(delay);
        SourceConfig source = sources.get(item.source());
        if (archive != null) {
            try {
                archive.write(f, at);
            } catch (IOException e) {
                stats.error("archiving " + f.finalUrl() + " failed: " + e.getMessage());
                LOG.warn("archiving {} failed: {}", f.finalUrl(), e.getMessage());
            }
        }
        if (item.kind() != CrawlItem.Kind.PAGE) {
            try {
                List<Discovery.Link> links = Discovery.fromFeed(f.body(), f.contentType(), f.finalUrl(), source, at);
                boolean complete = this.links.follow(item, links, at);
                store(CrawlState.fetched(item, at, complete ? f.etag() : null, complete ? f.lastModified() : null,
                        null, null, null));
            } catch (Discovery.FeedException e) {
                record(item, Status.FAILED, 200, e.getMessage(), prior);
            }
            return new Outcome(next, null);
        }
        PageProcessor.Outcome outcome;
        try {
            outcome = pages.process(f.finalUrl(), f.body(), f.contentType(), at, item.source(), source.profile());
        } catch (Exception e) {
            FetchResult.Failed sinkFailure = new FetchResult.Failed(item.url(), f.finalUrl(),
                    FetchResult.Reason.BAD_RESPONSE, 200, true, null,
                    "article from " + f.finalUrl() + " not published: " + e.getMessage());
            if (item.attempt() < settings.maxRetries()) {
                stats.retries.incrementAndGet();
                stats.error(sinkFailure.message());
                return new Outcome(at.plus(max(delay, settings.backoffInitial())), item.retry());
            }
            record(item, Status.FAILED, 200, sinkFailure.message() + "; gave up after " + (item.attempt() + 1)
                    + " attempts", prior);
            return new Outcome(next, null);
        }
        if (outcome.article() != null) {
            stats.articles.incrementAndGet();
            if (outcome.isDuplicate()) {
                stats.duplicates.incrementAndGet();
            }
            store(CrawlState.fetched(item, at, f.etag(), f.lastModified(), outcome.article().id(),
                    outcome.fingerprint(), outcome.article().duplicateOf()));
            return new Outcome(next, null);
        }
        boolean complete = true;
        if (item.depth() < source.maxDepth()) {
            complete = links.follow(item, Discovery.fromPage(outcome.page(), f.finalUrl(), source), at);
        }
        store(CrawlState.fetched(item, at, complete ? f.etag() : null, complete ? f.lastModified() : null, null,
                null, null));
        return new Outcome(next, null);
    }

    /** Records a failure (keeping what an earlier success learned: validators, article fingerprint). */
    private void record(CrawlItem item, Status status, int httpStatus, String error, CrawlState prior) {
        switch (status) {
            case FAILED -> stats.failed.incrementAndGet();
            case BLOCKED -> stats.blocked.incrementAndGet();
            case DISALLOWED -> stats.disallowed.incrementAndGet();
            default -> { }
        }
        stats.error(error);
        if (status == Status.FAILED || status == Status.BLOCKED) {
            LOG.warn("{}", error);
        } else {
            LOG.info("{}", error); // retries and robots.txt refusals are routine
        }
        CrawlState before = prior != null ? prior : states.get(item.url());
        store(CrawlState.failure(item, status, clock.instant(), httpStatus, error, before));
    }

    private void store(CrawlState state) {
        try {
            states.put(state);
        } catch (IOException e) {
            stats.error("crawl state of " + state.url() + " not stored: " + e.getMessage());
            StateTable.logStoreFailure(state, e);
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
