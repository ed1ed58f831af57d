package io.newsctl.index.search;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A search as the API receives it, validated.
 *
 * @param text      the user's query text (see {@link UserQuery}); may be empty to browse by filters
 * @param companies companies the article must mention (canonical names or ids; any of them)
 * @param chips     chips the article must mention (canonical names or ids; any of them)
 * @param tags      tags the article must carry (all of them)
 * @param from      earliest publication time, inclusive, or null
 * @param to        latest publication time, exclusive, or null
 * @param sort      relevance or date (newest first)
 * @param page      0-based page
 * @param size      hits per page
 */
public record ArticleQuery(
        String text,
        List<String> companies,
        List<String> chips,
        List<String> tags,
        OffsetDateTime from,
        OffsetDateTime to,
        Sort sort,
        int page,
        int size) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_FILTER_VALUES = 20;

    public enum Sort { RELEVANCE, DATE }

    public ArticleQuery {
        companies = clean(companies, "company");
        chips = clean(chips, "chip");
        tags = clean(tags, "tag");
        sort = sort == null ? Sort.RELEVANCE : sort;
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidQueryException("size must be between 1 and " + MAX_SIZE);
        }
        if (page < 0) {
            throw new InvalidQueryException("page must be ≥ 0");
        }
        if ((long) (page + 1) * size > 10_000) {
            throw new InvalidQueryException("page × size beyond 10000: narrow the search");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQueryException("'from' must be before 'to'");
        }
    }

    public static ArticleQuery text(String text) {
        return new ArticleQuery(text, List.of(), List.of(), List.of(), null, null, Sort.RELEVANCE, 0, 10);
    }

    private static List<String> clean(List<String> values, String what) {
        if (values == null) {
            return List.of();
        }
        List<String> cleaned = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
        if (cleaned.size() > MAX_FILTER_VALUES) {
            throw new InvalidQueryException("at most " + MAX_FILTER_VALUES + " " + what + " filters");
        }
        for (String value : cleaned) {
            if (value.length() > 100) {
                throw new InvalidQueryException(what + " filter value is too long");
            }
        }
        return cleaned;
    }
}
