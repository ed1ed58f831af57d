package io.newsctl.index.search;

import java.util.List;
import java.util.Map;

/**
 * One page of search results.
 *
 * @param total  number of matching articles
 * @param hits   the articles of this page
 * @param facets for each facet (companies, chips, tags, sources), the most frequent values
 * @param page   the page number
 * @param size   the page size
 * @param tookMs time Elasticsearch spent
 */
public record SearchPage(long total, List<Hit> hits, Map<String, List<FacetValue>> facets, int page, int size,
                         long tookMs) {

    /** A matching article with highlighted snippets (HTML: text escaped, matches in {@code <em>}). */
    public record Hit(
            String id,
            String url,
            String title,
            String titleHighlight,
            List<String> snippets,
            String site,
            String source,
            String author,
            String originalSource,
            String publishedAt,
            List<String> companies,
            List<String> chips,
            List<String> tags,
            Double score) {
    }

    /** A facet value and how many matching articles have it. */
    public record FacetValue(String value, long count) {
    }
}
