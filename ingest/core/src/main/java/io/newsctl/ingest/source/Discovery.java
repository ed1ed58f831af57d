package io.newsctl.ingest.source;

import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import io.newsctl.ingest.ParsedPage;
import io.newsctl.ingest.UrlCanonicalizer;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds the URLs to fetch next: article links on list pages, entries of RSS/Atom feeds, URLs of
 * sitemaps and news sitemaps (crawler-commons reads all three XML formats and text sitemaps). Links
 * pass the source's {@code follow} patterns (else: same site), dated feed and sitemap entries older
 * than {@code max-age} are skipped, and at most {@code max-links} are taken, in document order.
 */
public final class Discovery {

    /** A URL found, and whether it is a page or another sitemap (from a sitemap index). */
    public record Link(String url, boolean sitemap) {
    }

    /** The body is neither a feed nor a sitemap. */
    public static final class FeedException extends Exception {
        FeedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private Discovery() {
    }

    /** Article links of a parsed (non-article) HTML page. */
    public static List<Link> fromPage(ParsedPage page, String pageUrl, SourceConfig source) {
        Set<String> out = new LinkedHashSet<>();
        for (String link : page.links()) {
            if (out.size() >= source.maxLinks()) {
                break;
            }
            if (!link.equals(pageUrl) && source.follows(link, pageUrl)) {
                out.add(link);
            }
        }
        return out.stream().map(u -> new Link(u, false)).toList();
    }

    /** Entries of a feed, sitemap, news sitemap or sitemap index. */
    public static List<Link> fromFeed(byte[] body, String contentType, String url, SourceConfig source, Instant now)
            throws FeedException {
        SiteMapParser parser = new SiteMapParser(false);
        parser.enableExtension(Extension.NEWS);
        AbstractSiteMap map;
        try {
            map = parser.parseSiteMap(contentType(contentType, url), body, url(url));
        } catch (UnknownFormatException | IOException | RuntimeException e) {
            throw new FeedException("not a feed or sitemap: " + url + ": " + e.getMessage(), e);
        }
        Instant oldest = now.minus(source.maxAge());
        Set<String> seen = new LinkedHashSet<>();
        List<Link> out = new ArrayList<>();
        if (map instanceof SiteMapIndex index) {
            for (AbstractSiteMap child : index.getSitemaps()) {
                String u = UrlCanonicalizer.normalize(child.getUrl().toString());
                if (u != null && !tooOld(child.getLastModified(), oldest) && seen.add(u) && out.size() < source.maxLinks()) {
                    out.add(new Link(u, true));
                }
            }
            return out;
        }
        for (SiteMapURL entry : ((SiteMap) map).getSiteMapUrls()) {
            if (out.size() >= source.maxLinks()) {
                break;
            }
            String u = UrlCanonicalizer.normalize(entry.getUrl().toString());
            if (u == null || !seen.add(u) || tooOld(date(entry), oldest) || !source.follows(u, url)) {
                continue;
            }
            out.add(new Link(u, false));
        }
        return out;
    }

    /** A news sitemap's publication date, else the entry's lastmod (RSS pubDate, Atom updated), else null. */
    private static Date date(SiteMapURL entry) {
        ExtensionMetadata[] news = entry.getAttributesForExtension(Extension.NEWS);
        if (news != null) {
            for (ExtensionMetadata m : news) {
                if (m instanceof NewsAttributes n && n.getPublicationDate() != null) {
                    return n.getPublicationDate();
                }
            }
        }
        return entry.getLastModified();
    }

    private static boolean tooOld(Date date, Instant oldest) {
        return date != null && date.toInstant().isBefore(oldest);
    }

    /** crawler-commons picks XML, gzip or text by content type; servers often send text/html or nothing for XML. */
    private static String contentType(String header, String url) {
        String path = URI.create(url).getPath();
        if (path != null && path.endsWith(".gz")) {
            return "application/gzip";
        }
        if (header == null || header.isBlank() || header.startsWith("text/html")) {
            return path != null && path.endsWith(".txt") ? "text/plain" : "application/xml";
        }
        if (header.contains("rss") || header.contains("atom")) {
            return "application/xml";
        }
        return header;
    }

    static URL url(String u) throws MalformedURLException {
        return URI.create(u).toURL();
    }
}
