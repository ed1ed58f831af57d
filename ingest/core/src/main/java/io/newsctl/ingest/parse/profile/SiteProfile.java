package io.newsctl.ingest.parse.profile;

import io.newsctl.ingest.parse.Extraction;
import io.newsctl.ingest.parse.PageContext;

/**
 * One way of reading a family of pages (a site's layout, or a metadata standard). Profiles are
 * stateless and thread-safe; the parser asks them in order and merges what they find, the first
 * non-null value of each field winning.
 */
public interface SiteProfile {
    /** Short stable name recorded on the article, e.g. {@code 36kr}, {@code wechat}, {@code json-ld}, {@code generic}. */
    String name();

    /** True when the page belongs to this profile (by URL host and page signals). Must be cheap. */
    boolean appliesTo(PageContext page);

    /** What this profile can read from the page. Never throws for odd pages; returns nulls instead. */
    Extraction extract(PageContext page);
}
