package io.newsctl.ingest.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.newsctl.ingest.crawl.CrawlSettings;
import io.newsctl.ingest.fetch.FetchSettings;
import java.time.Duration;
import java.util.List;

/**
 * The crawler ({@code news.crawl.*}; env {@code NEWS_CRAWL_*}). Only {@code sources-file} is needed
 * to switch it on; every other key defaults to {@link CrawlSettings#builder()} (documented in the
 * README) and is validated there, so a bad value stops start-up with the key's name.
 */
@ConfigurationProperties("news.crawl")
public record CrawlConfig(
        @Nullable String sourcesFile,
        @Nullable String archiveWarc,
        @Nullable String userAgent,
        @Nullable Duration connectTimeout,
        @Nullable Duration responseTimeout,
        @Nullable Long maxBodyBytes,
        @Nullable Integer maxRedirects,
        @Nullable String robotsAgent,
        @Nullable Duration defaultDelay,
        @Nullable Duration maxCrawlDelay,
        @Nullable Integer maxRetries,
        @Nullable Duration backoffInitial,
        @Nullable Duration backoffMax,
        @Nullable Duration maxRetryAfter,
        @Nullable Duration robotsTtl,
        @Nullable Integer maxQueuedPerHost,
        @Nullable Integer maxQueued,
        @Nullable Integer threads,
        @Nullable Duration refetchAfter,
        @Nullable Duration retryFailedAfter,
        @Nullable Integer maxStates,
        @Nullable Integer dedupMaxEntries,
        @Nullable Duration dedupWindow,
        @Nullable List<String> allowedCidrs) {

    public CrawlSettings toSettings() {
        FetchSettings d = FetchSettings.defaults();
        FetchSettings fetch = new FetchSettings(or(userAgent, d.userAgent()), or(connectTimeout, d.connectTimeout()),
                or(responseTimeout, d.responseTimeout()), or(maxBodyBytes, d.maxBodyBytes()),
                or(maxRedirects, d.maxRedirects()));
        CrawlSettings defaults = CrawlSettings.defaults();
        return CrawlSettings.builder()
                .fetch(fetch)
                .robotsAgent(or(robotsAgent, defaults.robotsAgent()))
                .defaultDelay(or(defaultDelay, defaults.defaultDelay()))
                .maxCrawlDelay(or(maxCrawlDelay, defaults.maxCrawlDelay()))
                .maxRetries(or(maxRetries, defaults.maxRetries()))
                .backoffInitial(or(backoffInitial, defaults.backoffInitial()))
                .backoffMax(or(backoffMax, defaults.backoffMax()))
                .maxRetryAfter(or(maxRetryAfter, defaults.maxRetryAfter()))
                .robotsTtl(or(robotsTtl, defaults.robotsTtl()))
                .maxQueuedPerHost(or(maxQueuedPerHost, defaults.maxQueuedPerHost()))
                .maxQueued(or(maxQueued, defaults.maxQueued()))
                .threads(or(threads, defaults.threads()))
                .refetchAfter(or(refetchAfter, defaults.refetchAfter()))
                .retryFailedAfter(or(retryFailedAfter, defaults.retryFailedAfter()))
                .maxStates(or(maxStates, defaults.maxStates()))
                .dedupMaxEntries(or(dedupMaxEntries, defaults.dedupMaxEntries()))
                .dedupWindow(or(dedupWindow, defaults.dedupWindow()))
                .allowedCidrs(or(allowedCidrs, defaults.allowedCidrs()))
                .build();
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
