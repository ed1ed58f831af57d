package io.newsctl.ingest.crawl;

import io.newsctl.ingest.crawl.CrawlState.Status;
import io.newsctl.ingest.source.Discovery;
import io.newsctl.ingest.source.SourceConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the crawler does with URLs it found: skips pages fetched recently enough (by their crawl
 * state), stops at the source's {@code max-depth}, queues the rest and counts what the queue bounds
 * refused.
 */
final class Links {
    private final CrawlSettings settings;
    private final Map<String, SourceConfig> sources;
    private final Frontier frontier;
    private final StateTable states;
    private final CrawlStats stats;

    Links(CrawlSettings settings, Map<String, SourceConfig> sources, Frontier frontier, StateTable states,
          CrawlStats stats) {
        this.settings = settings;
        this.sources = sources;
        this.frontier = frontier;
        this.states = states;
        this.stats = stats;
    }

    /** Queues the links worth fetching; false when some were refused for lack of room. */
    boolean follow(CrawlItem item, List<Discovery.Link> links, Instant now) {
        SourceConfig source = sources.get(item.source());
        if (item.depth() >= source.maxDepth()) {
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

    boolean queue(CrawlItem item) {
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
}
