package io.newsctl.ingest.crawl;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * The one immutable record that travels with a URL through frontier, fetcher, parser and state
 * (StormCrawler's Metadata, as a record with copies instead of a lock).
 *
 * @param url     the URL to fetch, normalised ({@link io.newsctl.ingest.UrlCanonicalizer#normalize})
 * @param source  the configured source it belongs to
 * @param kind    how its body is read
 * @param entry   true for a source's own URLs (fetched on every schedule, conditionally); false for
 *                links found on them (fetched once, again only after {@code refetch-after})
 * @param depth   link hops from the source's entry URL
 * @param foundOn the page, feed or sitemap it was found on; null for entry URLs
 * @param attempt 0 for the first try, then 1, 2 … for retries
 */
public record CrawlItem(String url, String source, Kind kind, boolean entry, int depth, String foundOn, int attempt) {

    /** How a fetched body is read. */
    public enum Kind {
        /** An HTML page: an article, or a list whose links are followed. */
        PAGE,
        /** An RSS or Atom feed. */
        FEED,
        /** A sitemap, sitemap index or news sitemap. */
        SITEMAP
    }

    public CrawlItem {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(kind, "kind");
    }

    public static CrawlItem entry(String url, String source, Kind kind) {
        return new CrawlItem(url, source, kind, true, 0, null, 0);
    }

    /** A link found on this item's page, one hop deeper. */
    public CrawlItem link(String linkUrl, Kind linkKind) {
        return new CrawlItem(linkUrl, source, linkKind, false, depth + 1, url, 0);
    }

    /** The same item, for its next attempt. */
    public CrawlItem retry() {
        return new CrawlItem(url, source, kind, entry, depth, foundOn, attempt + 1);
    }

    /** The politeness key: scheme, host and port ({@code https://36kr.com:443}). */
    public String hostKey() {
        return hostKey(url);
    }

    public static String hostKey(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }
}
