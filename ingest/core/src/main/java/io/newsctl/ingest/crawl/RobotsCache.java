package io.newsctl.ingest.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import io.newsctl.ingest.fetch.FetchResult;
import io.newsctl.ingest.fetch.HttpFetcher;
import io.newsctl.ingest.fetch.Validators;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * robots.txt per host, with crawler-commons' parser: fetched (through the same guarded fetcher)
 * before the first request to a host and again after {@code robots-ttl}. As Google and
 * crawler-commons do: a 4xx means no restrictions, a 5xx or a network failure means "do not crawl
 * yet" (the host is backed off and asked again). Bounded: at most {@link #MAX_HOSTS} hosts are
 * remembered. Thread-safe.
 */
public final class RobotsCache {
    /** robots.txt files larger than this are cut (crawler-commons parses the first 500 KiB anyway). */
    static final long MAX_ROBOTS_BYTES = 512 * 1024;
    static final int MAX_HOSTS = 10_000;

    /** The rules for a host, or why there are none yet. */
    public sealed interface Answer {
        /** Rules to apply; {@code crawlDelay} is null when robots.txt sets none. */
        record Rules(BaseRobotRules rules, Duration crawlDelay) implements Answer {
        }

        /** robots.txt could not be read for a reason that may pass (5xx, 429, timeout …): wait. */
        record Unavailable(FetchResult.Failed failure) implements Answer {
        }

        /** robots.txt itself is refused by the SSRF guard: the host is not crawled. */
        record Blocked(FetchResult.Failed failure) implements Answer {
        }
    }

    private record Cached(Answer.Rules rules, Instant expiresAt) {
    }

    private final HttpFetcher fetcher;
    private final String agent;
    private final Duration ttl;
    private final SimpleRobotRulesParser parser;
    private final Map<String, Cached> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > MAX_HOSTS;
        }
    };

    public RobotsCache(HttpFetcher fetcher, String agent, Duration ttl) {
        this.fetcher = fetcher;
        this.agent = agent;
        this.ttl = ttl;
        // no cap of its own on Crawl-delay: the crawler decides what is too long (max-crawl-delay)
        this.parser = new SimpleRobotRulesParser(Long.MAX_VALUE / 4, 10);
    }

    /** The rules for {@code hostKey} ({@code scheme://host:port}), fetching robots.txt when needed. */
    public Answer rules(String hostKey, Instant now) throws InterruptedException {
        synchronized (cache) {
            Cached e = cache.get(hostKey);
            if (e != null && e.expiresAt().isAfter(now)) {
                return e.rules();
            }
        }
        String url = hostKey + "/robots.txt";
        FetchResult result = fetcher.fetch(url, Validators.NONE, MAX_ROBOTS_BYTES);
        BaseRobotRules rules;
        switch (result) {
            case FetchResult.Fetched f -> rules = parser.parseContent(url, f.body(),
                    f.contentType() == null ? "text/plain" : f.contentType(), List.of(agent));
            case FetchResult.Failed f when f.reason() == FetchResult.Reason.BLOCKED -> {
                return new Answer.Blocked(f);
            }
            case FetchResult.Failed f when f.retryable() -> {
                return new Answer.Unavailable(f);
            }
            case FetchResult.Failed f when f.status() >= 400 && f.status() < 500 ->
                    rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
            case FetchResult.Failed f ->
                    // too large, redirect loop, bad URL: nothing usable; crawl as if there were no file
                    rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
            case FetchResult.NotModified n -> rules = new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL);
        }
        long delayMs = rules.getCrawlDelay();
        Answer.Rules answer = new Answer.Rules(rules,
                delayMs == BaseRobotRules.UNSET_CRAWL_DELAY || delayMs < 0 ? null : Duration.ofMillis(delayMs));
        synchronized (cache) {
            cache.put(hostKey, new Cached(answer, now.plus(ttl)));
        }
        return answer;
    }
}
