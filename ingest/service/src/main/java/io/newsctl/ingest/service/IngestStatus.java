package io.newsctl.ingest.service;

import java.time.Instant;

/** What the sources have done so far, for the status endpoint and the demo's readiness wait. */
public final class IngestStatus {
    /** A snapshot of the counters. */
    public record Snapshot(int scans, int pagesLastScan, int notArticlesLastScan, int publishedLastScan,
                           int articlesKnown, Instant lastScanAt, String lastError) {
    }

    private int scans;
    private int pagesLastScan;
    private int notArticlesLastScan;
    private int publishedLastScan;
    private int articlesKnown;
    private Instant lastScanAt;
    private String lastError;

    synchronized void scanned(int pages, int notArticles, int published, int known) {
        scans++;
        pagesLastScan = pages;
        notArticlesLastScan = notArticles;
        publishedLastScan = published;
        articlesKnown = known;
        lastScanAt = Instant.now();
        lastError = null;
    }

    synchronized void failed(String error) {
        lastError = error;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(scans, pagesLastScan, notArticlesLastScan, publishedLastScan, articlesKnown, lastScanAt,
                lastError);
    }
}
