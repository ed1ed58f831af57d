package io.newsctl.index.search;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A search as the API receives it, validated. Filters of one kind are alternatives (any of the
 * companies); different kinds must all hold; tags and figure filters must all hold.
 *
 * @param text      the user's query text (see {@link UserQuery}); may be empty to browse by filters
 * @param companies companies the article mentions (canonical names or ids; any of them)
 * @param chips     chips the article mentions (canonical names or ids; any of them)
 * @param people    people the article mentions (canonical names; any of them)
 * @param sites     sites the article was published on (host names; any of them)
 * @param sources   original sources (the publication a repost credits; any of them)
 * @param tags      tags the article carries (all of them)
 * @param figures   conditions on its figures (all of them)
 * @param from      earliest publication time, inclusive, or null
 * @param to        latest publication time, exclusive, or null
 * @param sort      relevance, newest first or oldest first
 * @param size      hits per page
 * @param after     the {@code next} cursor of the previous page, or null for the first page
 * @param collapse  reposts folded into their original (one hit per story, with a repost count)
 * @param facets    the facets to count (names from {@link ArticleSearch#FACETS}); empty for none
 */
public record ArticleQuery(
        String text,
        List<String> companies,
        List<String> chips,
        List<String> people,
        List<String> sites,
        List<String> sources,
        List<String> tags,
        List<FigureFilter> figures,
        OffsetDateTime from,
        OffsetDateTime to,
        Sort sort,
        int size,
        String after,
        boolean collapse,
        Set<String> facets) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_FILTER_VALUES = 20;
    public static final int DEFAULT_SIZE = 10;

    public enum Sort { RELEVANCE, DATE, OLDEST }

    public ArticleQuery {
        companies = clean(companies, "company");
        chips = clean(chips, "chip");
        people = clean(people, "person");
        sites = clean(sites, "site");
        sources = clean(sources, "source");
        tags = clean(tags, "tag");
        figures = figures == null ? List.of() : List.copyOf(figures);
        if (figures.size() > 5) {
            throw new InvalidQueryException("at most 5 figure filters");
        }
        sort = sort == null ? Sort.RELEVANCE : sort;
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidQueryException("size must be between 1 and " + MAX_SIZE);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidQueryException("'from' must be before 'to'");
        }
        after = after == null || after.isBlank() ? null : after.strip();
        if (facets == null) {
            facets = ArticleSearch.FACETS.keySet();
        }
        for (String facet : facets) {
            if (!ArticleSearch.FACETS.containsKey(facet)) {
                throw new InvalidQueryException("unknown facet '" + facet + "'; facets are "
                        + String.join(", ", ArticleSearch.FACETS.keySet()));
            }
        }
        facets = Set.copyOf(new LinkedHashSet<>(facets));
    }

    /**
     * The earlier page-numbered form (reposts collapsed, every facet), kept for existing callers;
     * page {@code n} is the offset cursor {@code n × size}.
     */
    public ArticleQuery(String text, List<String> companies, List<String> chips, List<String> tags,
                        OffsetDateTime from, OffsetDateTime to, Sort sort, int page, int size) {
        this(text, companies, chips, List.of(), List.of(), List.of(), tags, List.of(), from, to, sort, size,
                pageCursor(page, size), true, null);
    }

    private static String pageCursor(int page, int size) {
        if (page < 0) {
            throw new InvalidQueryException("page must be ≥ 0");
        }
        return page == 0 ? null : Cursor.offset(page * size).encode();
    }

    /** Text only, every article listed (reposts not collapsed), as before collapsing existed. */
    public static ArticleQuery text(String text) {
        return builder().text(text).collapse(false).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The same search, continuing after a page. */
    public ArticleQuery withAfter(String cursor) {
        return new ArticleQuery(text, companies, chips, people, sites, sources, tags, figures, from, to, sort, size,
                cursor, collapse, facets);
    }

    /** Sorted by relevance only when there is text to be relevant to. */
    public boolean byRelevance() {
        return sort == Sort.RELEVANCE && text != null && !text.isBlank();
    }

    private static List<String> clean(List<String> values, String what) {
        if (values == null) {
            return List.of();
        }
        List<String> cleaned = values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip)
                .distinct().toList();
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

    /** Builds a query; unset lists are empty, size 10, relevance, reposts collapsed, every facet. */
    public static final class Builder {
        private String text;
        private final List<String> companies = new ArrayList<>();
        private final List<String> chips = new ArrayList<>();
        private final List<String> people = new ArrayList<>();
        private final List<String> sites = new ArrayList<>();
        private final List<String> sources = new ArrayList<>();
        private final List<String> tags = new ArrayList<>();
        private final List<FigureFilter> figures = new ArrayList<>();
        private OffsetDateTime from;
        private OffsetDateTime to;
        private Sort sort = Sort.RELEVANCE;
        private int size = DEFAULT_SIZE;
        private String after;
        private boolean collapse = true;
        private Set<String> facets;

        public Builder text(String value) {
            text = value;
            return this;
        }

        public Builder companies(List<String> values) {
            addAll(companies, values);
            return this;
        }

        public Builder chips(List<String> values) {
            addAll(chips, values);
            return this;
        }

        public Builder people(List<String> values) {
            addAll(people, values);
            return this;
        }

        public Builder sites(List<String> values) {
            addAll(sites, values);
            return this;
        }

        public Builder sources(List<String> values) {
            addAll(sources, values);
            return this;
        }

        public Builder tags(List<String> values) {
            addAll(tags, values);
            return this;
        }

        public Builder figures(List<String> values) {
            if (values != null) {
                for (String value : values) {
                    if (value != null && !value.isBlank()) {
                        figures.add(FigureFilter.parse(value));
                    }
                }
            }
            return this;
        }

        public Builder figure(FigureFilter filter) {
            figures.add(filter);
            return this;
        }

        public Builder from(OffsetDateTime value) {
            from = value;
            return this;
        }

        public Builder to(OffsetDateTime value) {
            to = value;
            return this;
        }

        public Builder sort(Sort value) {
            sort = value;
            return this;
        }

        public Builder size(int value) {
            size = value;
            return this;
        }

        public Builder after(String cursor) {
            after = cursor;
            return this;
        }

        public Builder collapse(boolean value) {
            collapse = value;
            return this;
        }

        public Builder facets(Set<String> names) {
            facets = names;
            return this;
        }

        public ArticleQuery build() {
            return new ArticleQuery(text, companies, chips, people, sites, sources, tags, figures, from, to, sort,
                    size, after, collapse, facets);
        }

        private static void addAll(List<String> into, List<String> values) {
            if (values != null) {
                into.addAll(values);
            }
        }
    }
}
