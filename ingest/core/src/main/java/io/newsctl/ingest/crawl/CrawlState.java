package io.newsctl.ingest.crawl;

import io.newsctl.ingest.Fingerprint;
import io.newsctl.ingest.fetch.Validators;
import java.time.Instant;
import java.util.Objects;

/**
 * What the crawler knows about one URL, kept across restarts (the value of the {@code crawl.state}
 * topic, keyed by URL): when it was fetched and how that went, the validators for a conditional GET,
 * and for article pages the article id and fingerprint that near-duplicate detection is rebuilt from.
 *
 * @param url           the URL (normalised; the key)
 * @param source        the source that last fetched it
 * @param kind          page, feed or sitemap
 * @param status        how the last attempt went
 * @param lastAttemptAt when it was last tried
 * @param lastSuccessAt when it last answered 200 or 304; null if never
 * @param httpStatus    HTTP status of the last attempt; 0 when there was no response
 * @param etag          validator of the last 200, or null
 * @param lastModified  validator of the last 200, or null
 * @param articleId     id of the article read from it, or null (not an article)
 * @param contentHash   content hash of that article's body, or null
 * @param simHash       SimHash of that body, or null
 * @param length        comparison-form length of that body, or null
 * @param duplicateOf   the article it reposts, or null
 * @param failures      consecutive failed attempts
 * @param error         why the last attempt failed (which URL and why), or null
 */
public record CrawlState(
        String url,
        String source,
        CrawlItem.Kind kind,
        Status status,
        Instant lastAttemptAt,
        Instant lastSuccessAt,
        int httpStatus,
        String etag,
        String lastModified,
        String articleId,
        String contentHash,
        Long simHash,
        Integer length,
        String duplicateOf,
        int failures,
        String error) {

    /** How the last attempt at a URL went. */
    public enum Status {
        /** 200, read. */
        FETCHED,
        /** 304, unchanged since the last 200. */
        NOT_MODIFIED,
        /** Failed with a retryable error; queued again. */
        RETRYING,
        /** Failed for good (HTTP 4xx, too large, redirect loop …) or retries exhausted. */
        FAILED,
        /** Refused by the SSRF guard. */
        BLOCKED,
        /** Disallowed by robots.txt (or its Crawl-delay is over the limit). */
        DISALLOWED
    }

    public CrawlState {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
    }

    /** A 200: validators when the caller wants a conditional GET next time, the article's id and fingerprint if any. */
    public static CrawlState fetched(CrawlItem item, Instant at, String etag, String lastModified, String articleId,
                                     Fingerprint fingerprint, String duplicateOf) {
        boolean article = articleId != null && fingerprint != null;
        return new CrawlState(item.url(), item.source(), item.kind(), Status.FETCHED, at, at, 200, etag, lastModified,
                article ? articleId : null, article ? fingerprint.contentHash() : null,
                article ? fingerprint.simHash() : null, article ? fingerprint.length() : null,
                article ? duplicateOf : null, 0, null);
    }

    /** A 304: what the last 200 learned is kept. */
    public static CrawlState notModified(CrawlItem item, CrawlState prior, Instant at) {
        if (prior == null) {
            return new CrawlState(item.url(), item.source(), item.kind(), Status.NOT_MODIFIED, at, at, 304, null, null,
                    null, null, null, null, null, 0, null);
        }
        return new CrawlState(item.url(), item.source(), item.kind(), Status.NOT_MODIFIED, at, at, 304, prior.etag(),
                prior.lastModified(), prior.articleId(), prior.contentHash(), prior.simHash(), prior.length(),
                prior.duplicateOf(), 0, null);
    }

    /** An attempt that did not succeed; what an earlier success learned (validators, fingerprint) is kept. */
    public static CrawlState failure(CrawlItem item, Status status, Instant at, int httpStatus, String error,
                                     CrawlState before) {
        int failures = (before == null || before.succeeded() ? 0 : before.failures()) + 1;
        if (before == null) {
            return new CrawlState(item.url(), item.source(), item.kind(), status, at, null, httpStatus, null, null,
                    null, null, null, null, null, failures, error);
        }
        return new CrawlState(item.url(), item.source(), item.kind(), status, at, before.lastSuccessAt(), httpStatus,
                before.etag(), before.lastModified(), before.articleId(), before.contentHash(), before.simHash(),
                before.length(), before.duplicateOf(), failures, error);
    }

    public Validators validators() {
        return Validators.of(etag, lastModified);
    }

    /** The stored fingerprint of the article read from this URL, or null. */
    public Fingerprint fingerprint() {
        return articleId == null || contentHash == null || simHash == null || length == null ? null
                : new Fingerprint(contentHash, simHash, length);
    }

    /** True after a 200 or 304. */
    public boolean succeeded() {
        return status == Status.FETCHED || status == Status.NOT_MODIFIED;
    }
}
