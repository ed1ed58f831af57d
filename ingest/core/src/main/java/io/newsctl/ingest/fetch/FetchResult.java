package io.newsctl.ingest.fetch;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What one fetch (with its redirects) came to. Errors are data: a {@link Failed} says which URL,
 * why, and whether trying again later can help.
 */
public sealed interface FetchResult {

    /** The URL that was asked for (before redirects). */
    String requestedUrl();

    /** Why a fetch failed. */
    enum Reason {
        /** The server answered with a status that is not 200, 304 or a redirect. */
        HTTP_STATUS,
        /** No connection, reset, or a protocol error. */
        CONNECT,
        /** Connecting or reading took longer than allowed. */
        TIMEOUT,
        /** The host did not resolve. */
        DNS,
        /** The SSRF guard refused the target (an internal address, a non-http URL …). */
        BLOCKED,
        /** The body is larger than {@code max-body-bytes}; reading stopped there. */
        TOO_LARGE,
        /** A redirect led back to a URL already visited in this fetch. */
        REDIRECT_LOOP,
        /** More redirects than {@code max-redirects}. */
        TOO_MANY_REDIRECTS,
        /** The URL (or a Location header) is not a valid http(s) URL. */
        BAD_URL,
        /** The response could not be read (bad encoding, unsupported compression). */
        BAD_RESPONSE
    }

    /**
     * A 200 response.
     *
     * @param finalUrl     where the body came from, after redirects
     * @param contentType  the Content-Type header, or null
     * @param body         the body, decompressed, at most {@code max-body-bytes}
     * @param etag         the ETag validator, or null
     * @param lastModified the Last-Modified validator (as sent), or null
     * @param redirects    the URLs redirected through, in order (empty when none)
     */
    record Fetched(String requestedUrl, String finalUrl, String contentType, byte[] body, String etag,
                   String lastModified, List<String> redirects) implements FetchResult {
        public Fetched {
            Objects.requireNonNull(body, "body");
            redirects = List.copyOf(redirects);
        }
    }

    /** A 304: the page is unchanged since the validators sent. */
    record NotModified(String requestedUrl, String finalUrl) implements FetchResult {
    }

    /**
     * A failed fetch.
     *
     * @param url        the URL of the hop that failed (the requested URL or a redirect target)
     * @param status     the HTTP status, or 0 when there was no response
     * @param retryable  true when the same request may succeed later (5xx, 429, timeouts, connection errors)
     * @param retryAfter the server's Retry-After, or null
     * @param message    a sentence saying which URL and why, for logs and the crawl state
     */
    record Failed(String requestedUrl, String url, Reason reason, int status, boolean retryable, Duration retryAfter,
                  String message) implements FetchResult {
    }
}
