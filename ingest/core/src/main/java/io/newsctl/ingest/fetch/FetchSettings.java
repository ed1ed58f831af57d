package io.newsctl.ingest.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How one HTTP fetch behaves. Part of {@link io.newsctl.ingest.crawl.CrawlSettings}; validated here
 * so a bad value stops start-up with the key's name.
 *
 * @param userAgent       the User-Agent header; should name the crawler and a contact URL
 * @param connectTimeout  time to open the TCP/TLS connection
 * @param responseTimeout time from sending the request to the last body byte (a slow-drip server is cut off)
 * @param maxBodyBytes    largest body read (after decompression); a larger page is abandoned mid-stream
 *                        with {@link FetchResult.Reason#TOO_LARGE}, never buffered
 * @param maxRedirects    redirects followed per fetch (each hop checked by the SSRF guard)
 */
public record FetchSettings(
        String userAgent,
        Duration connectTimeout,
        Duration responseTimeout,
        long maxBodyBytes,
        int maxRedirects) {

    public static final String DEFAULT_USER_AGENT = "newsctl-crawler/0.1 (research news crawler; obeys robots.txt)";

    public FetchSettings {
        Objects.requireNonNull(userAgent, "user-agent");
        if (userAgent.isBlank() || userAgent.chars().anyMatch(c -> c < 0x20 || c > 0x7e)) {
            throw new IllegalArgumentException("user-agent must be printable ASCII and not blank: '" + userAgent + "'");
        }
        positive(connectTimeout, "connect-timeout");
        positive(responseTimeout, "response-timeout");
        if (maxBodyBytes < 1024 || maxBodyBytes > 256L * 1024 * 1024) {
            throw new IllegalArgumentException("max-body-bytes must be 1 KiB..256 MiB, was " + maxBodyBytes);
        }
        if (maxRedirects < 0 || maxRedirects > 20) {
            throw new IllegalArgumentException("max-redirects must be 0..20, was " + maxRedirects);
        }
    }

    /** 10 s to connect, 30 s per response, 5 MiB bodies, 5 redirects. */
    public static FetchSettings defaults() {
        return new FetchSettings(DEFAULT_USER_AGENT, Duration.ofSeconds(10), Duration.ofSeconds(30),
                5L * 1024 * 1024, 5);
    }

    public FetchSettings withMaxBodyBytes(long bytes) {
        return new FetchSettings(userAgent, connectTimeout, responseTimeout, bytes, maxRedirects);
    }

    public FetchSettings withResponseTimeout(Duration timeout) {
        return new FetchSettings(userAgent, connectTimeout, timeout, maxBodyBytes, maxRedirects);
    }

    static void positive(Duration d, String key) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be a positive duration, was " + d);
        }
    }
}
