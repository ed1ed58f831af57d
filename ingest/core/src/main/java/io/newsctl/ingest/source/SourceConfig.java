package io.newsctl.ingest.source;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One configured crawl source (an entry of a sources YAML file, see {@code samples/sources/README.md}).
 *
 * @param name      unique name, recorded on every article as its {@code source}
 * @param kind      how the URLs are read
 * @param urls      entry URLs: list pages, feeds, sitemaps or seed articles
 * @param follow    regular expressions (searched in the URL) a discovered link must match to be
 *                  fetched; empty = any link on the same site as the page it was found on
 * @param schedule  how often the entry URLs are fetched again (conditionally)
 * @param profile   extraction profile to use for its pages ({@code auto}, {@code 36kr}, {@code wechat} …)
 * @param maxDepth  link hops followed from the entry URLs (list and feed entries are 1 hop)
 * @param maxLinks  links taken from one page, feed or sitemap (the first ones, in page order)
 * @param maxAge    feed and sitemap entries dated older than this are skipped (undated ones are kept)
 */
public record SourceConfig(
        String name,
        SourceKind kind,
        List<String> urls,
        List<Pattern> follow,
        Duration schedule,
        String profile,
        int maxDepth,
        int maxLinks,
        Duration maxAge) {

    public SourceConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        urls = List.copyOf(urls);
        follow = follow == null ? List.of() : List.copyOf(follow);
        profile = profile == null || profile.isBlank() ? "auto" : profile;
    }

    /** True when a discovered link may be followed (the follow patterns; else same site). */
    public boolean follows(String link, String foundOn) {
        if (follow.isEmpty()) {
            return io.newsctl.ingest.UrlCanonicalizer.sameSite(link, foundOn);
        }
        for (Pattern p : follow) {
            if (p.matcher(link).find()) {
                return true;
            }
        }
        return false;
    }
}
