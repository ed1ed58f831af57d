package io.newsctl.ingest.parse;

import io.newsctl.ingest.parse.Blocks.Block;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What one profile found on a page; any field may be null when the profile has no opinion.
 *
 * @param article  TRUE for an article, FALSE for a list or other non-article page, null if unsure
 * @param siteName the publishing site's own name (og:site_name, JSON-LD publisher), a last resort for
 *                 the original source
 * @param links    links the profile knows the page lists (e.g. from embedded state), or null
 */
public record Extraction(
        String title,
        String author,
        String originalSource,
        OffsetDateTime publishedAt,
        String summary,
        List<Block> body,
        Boolean article,
        String siteName,
        List<String> links) {

    public static Extraction empty() {
        return new Extraction(null, null, null, null, null, null, null, null, null);
    }

    public boolean hasBody() {
        return body != null && !body.isEmpty();
    }
}
