package io.newsctl.ingest.crawl;

import io.newsctl.ingest.fetch.FetchResult;
import io.newsctl.ingest.fetch.HttpFetcher;
import io.newsctl.ingest.fetch.Validators;
import io.newsctl.net.TargetGuard;
import java.io.IOException;
import java.time.Clock;

/**
 * One page fetched with the crawler's rules but without a crawl (what {@code newsctl extract URL}
 * uses): robots.txt is read and obeyed, the SSRF guard checks every hop, and the body limits and
 * timeouts of {@link CrawlSettings} apply. A failure is an {@link IOException} whose message names
 * the URL and the reason.
 */
public final class SingleFetch {
    private SingleFetch() {
    }

    public static FetchResult.Fetched fetch(String url, CrawlSettings settings) throws IOException, InterruptedException {
        Clock clock = Clock.systemUTC();
        HttpFetcher fetcher = new HttpFetcher(settings.fetch(), new TargetGuard(settings.allowedCidrs()), clock);
        String hostKey;
        try {
            hostKey = CrawlItem.hostKey(url);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IOException("not an http(s) URL: " + url);
        }
        TargetGuard guard = new TargetGuard(settings.allowedCidrs());
        try {
            guard.resolve(java.net.URI.create(url));
        } catch (io.newsctl.net.BlockedTargetException | IllegalArgumentException e) {
            throw new IOException("not fetched: " + url + ": " + e.getMessage());
        }
        RobotsCache robots = new RobotsCache(fetcher, settings.robotsAgent(), settings.robotsTtl());
        switch (robots.rules(hostKey, clock.instant())) {
            case RobotsCache.Answer.Blocked b -> throw new IOException(b.failure().message());
            case RobotsCache.Answer.Unavailable u -> throw new IOException("robots.txt unavailable, not fetching "
                    + url + ": " + u.failure().message());
            case RobotsCache.Answer.Rules r -> {
                if (!r.rules().isAllowed(url)) {
                    throw new IOException("not fetched: " + url + " is disallowed by " + hostKey + "/robots.txt for "
                            + settings.robotsAgent());
                }
            }
        }
        return switch (fetcher.fetch(url, Validators.NONE)) {
            case FetchResult.Fetched f -> f;
            case FetchResult.Failed f -> throw new IOException(f.message());
            case FetchResult.NotModified n -> throw new IOException("GET " + url + ": unexpected 304");
        };
    }
}
