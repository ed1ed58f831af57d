package io.newsctl.ingest.crawl;

import io.newsctl.ingest.crawl.CrawlState.Status;
import io.newsctl.ingest.fetch.FetchResult;
import io.newsctl.ingest.fetch.HttpFetcher;
import io.newsctl.ingest.fetch.Validators;
import io.newsctl.ingest.source.Discovery;
import io.newsctl.ingest.source.SourceConfig;
import io.newsctl.ingest.source.SourceKind;
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
            return;
        }
        List<Thread> workers = new ArrayList<>();
        InterruptedException[] interrupted = new InterruptedException[1];
        for (int i = 0; i < settings.threads(); i++) {
            Thread t = Thread.ofPlatform().name("crawl-" + i).start(() -> {
                try {
                    loop(once, stopped);
                } catch (InterruptedException e) {
                    interrupted[0] = e;
                }
            });
            workers.add(t);
        }
        try {
            for (Thread t : workers) {
                t.join();
            }
        } catch (InterruptedException e) {
            workers.forEach(Thread::interrupt);
            throw e;
        }
        if (interrupted[0] != null) {
            throw interrupted[0];
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
            queue(CrawlItem.entry(url, source.name(), kind));
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
                store(prior == null ? base(item, Status.NOT_MODIFIED, done, 304)
                        : new CrawlState(item.url(), item.source(), item.kind(), Status.NOT_MODIFIED, done, done, 304,
                        prior.etag(), prior.lastModified(), prior.articleId(), prior.contentHash(), prior.simHash(),
                        prior.length(), prior.duplicateOf(), 0, null));
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
                boolean complete = follow(item, links, at);
                store(fetchedState(item, at, complete ? f : null, null, null));
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
            store(fetchedState(item, at, f, outcome, null));
            return new Outcome(next, null);
        }
        boolean complete = true;
        if (item.depth() < source.maxDepth()) {
            complete = follow(item, Discovery.fromPage(outcome.page(), f.finalUrl(), source), at);
        }
        store(fetchedState(item, at, complete ? f : null, null, null));
        return new Outcome(next, null);
    }

    /** Queues the links worth fetching; false when some were refused for lack of room. */
    private boolean follow(CrawlItem item, List<Discovery.Link> links, Instant now) {
        SourceConfig source = sources.get(item.source());
        if (item.depth() >= source.maxDepth() && source.kind() != SourceKind.SEEDS) {
            return true;
        }
        boolean complete = true;
        for (Discovery.Link link : links) {
            CrawlItem next = item.link(link.url(), link.sitemap() ? CrawlItem.Kind.SITEMAP : CrawlItem.Kind.PAGE);
            if (!link.sitemap() && !due(link.url(), now)) {
                continue;
            }
            complete &= queue(next);
        }
        return complete;
    }

    /** Whether a discovered page should be fetched: new, or its last fetch is old enough. */
    private boolean due(String url, Instant now) {
        CrawlState s = states.get(url);
        if (s == null || s.status() == Status.RETRYING) {
            return true;
        }
        Duration after = s.succeeded() ? settings.refetchAfter() : settings.retryFailedAfter();
        return !s.lastAttemptAt().plus(after).isAfter(now);
    }

    private boolean queue(CrawlItem item) {
        Frontier.Offer offer = frontier.offer(item);
        switch (offer) {
            case QUEUED -> {
                if (!item.entry()) {
                    stats.linksQueued.incrementAndGet();
                }
            }
            case ALREADY_QUEUED -> { }
            case HOST_FULL, FULL -> {
                stats.linksRefused.incrementAndGet();
                stats.error("not queued: " + item.url() + " (found on " + item.foundOn() + "): "
                        + (offer == Frontier.Offer.FULL ? "max-queued" : "max-queued-per-host") + " reached");
                return false;
            }
        }
        return true;
    }

    /** A 200's state; validators only when everything the page led to was queued (else fetch it in full next time). */
    private CrawlState fetchedState(CrawlItem item, Instant at, FetchResult.Fetched f, PageProcessor.Outcome article,
                                    String error) {
        boolean hasArticle = article != null && article.article() != null;
        return new CrawlState(item.url(), item.source(), item.kind(), Status.FETCHED, at, at, 200,
                f == null ? null : f.etag(), f == null ? null : f.lastModified(),
                hasArticle ? article.article().id() : null,
                hasArticle ? article.fingerprint().contentHash() : null,
                hasArticle ? article.fingerprint().simHash() : null,
                hasArticle ? article.fingerprint().length() : null,
                hasArticle ? article.article().duplicateOf() : null, 0, error);
    }

    private CrawlState base(CrawlItem item, Status status, Instant at, int httpStatus) {
        return new CrawlState(item.url(), item.source(), item.kind(), status, at, at, httpStatus, null, null, null,
                null, null, null, null, 0, null);
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
        if (status != Status.RETRYING) {
            LOG.warn("{}", error);
        } else {
            LOG.info("{}", error);
        }
        CrawlState before = prior != null ? prior : states.get(item.url());
        Instant now = clock.instant();
        int failures = (before == null || before.succeeded() ? 0 : before.failures()) + 1;
        store(new CrawlState(item.url(), item.source(), item.kind(), status, now,
                before == null ? null : before.lastSuccessAt(), httpStatus,
                before == null ? null : before.etag(), before == null ? null : before.lastModified(),
                before == null ? null : before.articleId(), before == null ? null : before.contentHash(),
                before == null ? null : before.simHash(), before == null ? null : before.length(),
                before == null ? null : before.duplicateOf(), failures, error));
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
