package io.newsctl.index.search;

import java.util.List;
import java.util.Map;

/**
 * One page of search results.
 *
 * @param total     number of matching articles (reposts included)
 * @param stories   number of distinct stories among them (an original and its reposts are one);
 *                  approximate above a few thousand
 * @param hits      the articles of this page (with collapse: the best article of each story)
 * @param facets    for each requested facet, the most frequent values among all matching articles
 * @param histogram matching articles per period of publication
 * @param interval  the period of the histogram buckets: {@code day}, {@code week} or {@code month}
 * @param next      cursor for the next page ({@code after=}), null on the last page
 * @param tookMs    time Elasticsearch spent
 */
public record SearchPage(long total, long stories, List<Hit> hits, Map<String, List<FacetValue>> facets,
                         List<Bucket> histogram, String interval, String next, long tookMs) {

    /**
     * A matching article with highlighted snippets (HTML: text escaped, matches in {@code <em>}).
     *
     * @param reposts number of other articles of the same story that match (collapsed into this one)
     */
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
            List<String> people,
            List<String> tags,
            String storyId,
            String duplicateOf,
            long reposts,
            Double score) {
    }

    /** A facet value and how many matching articles have it. */
    public record FacetValue(String value, long count) {
    }

    /** Articles published in the period starting at {@code start} (ISO date-time, Asia/Shanghai). */
    public record Bucket(String start, long count) {
    }
}
