package io.newsctl.ingest.source;

/** What a source's URLs are, which decides how they are read. */
public enum SourceKind {
    /** HTML list or channel pages (36Kr /information/…, newsflash): article links are taken from them. */
    LIST,
    /** RSS 2.0 or Atom feeds: each entry's link is an article. */
    FEED,
    /** XML or text sitemaps, sitemap indexes and Google news sitemaps. */
    SITEMAP,
    /** Article URLs to fetch as they are (and, up to {@code max-depth}, the links they carry). */
    SEEDS
}
