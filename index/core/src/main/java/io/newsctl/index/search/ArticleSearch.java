package io.newsctl.index.search;

import co.elastic.clients.elasticsearch.ElasticsearchAsyncClient;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.CalendarInterval;
import co.elastic.clients.elasticsearch._types.aggregations.DateHistogramBucket;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.aggregations.TermsAggregationExecutionHint;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsctl.index.IndexLayout;
import io.newsctl.model.SegmentedText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Searches the article index. User text becomes match-phrase queries over the segmented fields and
 * the character-level {@code title.std} (for recall when a query word is cut differently from a
 * headline); filters become term, range and nested filters. Nothing the user typed is passed as
 * query syntax.
 */
public final class ArticleSearch {
    /** Facet name → keyword field, in display order. */
    public static final Map<String, String> FACETS;

    static {
        Map<String, String> facets = new LinkedHashMap<>();
        facets.put("companies", "companies");
        facets.put("chips", "chips");
        facets.put("people", "people");
        facets.put("sites", "site");
        facets.put("sources", "original_source");
        facets.put("tags", "tags");
        FACETS = Collections.unmodifiableMap(facets);
    }

    private static final Logger LOG = LoggerFactory.getLogger(ArticleSearch.class);
    static final String NEWS_TIME_ZONE = "Asia/Shanghai";
    private static final Highlight HIGHLIGHT = Highlight.of(h -> h
            .encoder(HighlighterEncoder.Html)
            .preTags("<em>")
            .postTags("</em>")
            .fields(NamedValue.of("title", HighlightField.of(f -> f.numberOfFragments(0))),
                    NamedValue.of("title.std", HighlightField.of(f -> f.numberOfFragments(0))),
                    NamedValue.of("body", HighlightField.of(f -> f.fragmentSize(120).numberOfFragments(3))),
                    NamedValue.of("summary", HighlightField.of(f -> f.fragmentSize(120).numberOfFragments(1)))));
    private static final int FACET_SIZE = 20;
    private static final String STORY_SIZES = "story_sizes";
    /**
     * The segmented fields, and the character-level {@code title.std} for recall when a query word
     * is cut differently from a headline. {@code summary.std} is left out and the body has no such
     * sub-field: a phrase of single characters walks the positions of very common characters, over
     * whole bodies it was about half of a search's cost on 30k articles.
     */
    private static final List<String> TEXT_FIELDS = List.of("title^3", "summary^2", "body", "title.std^1.5");
    static final List<String> HIT_FIELDS = List.of(
            "id", "url", "title", "site", "source", "author", "original_source", "published_at",
            "companies", "chips", "people", "tags", "summary", "story_id", "duplicate_of");

    private final ElasticsearchClient client;
    private final ElasticsearchAsyncClient async;
    private final IndexLayout layout;
    private final QuerySegmenter segmenter;

    public ArticleSearch(ElasticsearchClient client, IndexLayout layout, QuerySegmenter segmenter) {
        this.client = client;
        this.async = new ElasticsearchAsyncClient(client._transport(), client._transportOptions());
        this.layout = layout;
        this.segmenter = segmenter;
    }

    ElasticsearchClient client() {
        return client;
    }

    IndexLayout layout() {
        return layout;
    }

    public SearchPage search(ArticleQuery query) throws IOException {
        Query esQuery = buildQuery(query);
        Cursor cursor = query.after() == null ? null : Cursor.decode(query.after());
        String sortName = query.byRelevance() ? "relevance" : query.sort().name().toLowerCase();
        if (cursor != null && query.collapse() == cursor.isSearchAfter()) {
            throw new InvalidQueryException("'after' belongs to a search with collapse="
                    + !query.collapse() + "; start again from the first page");
        }
        if (cursor != null && cursor.isSearchAfter() && !cursor.sort().equals(sortName)) {
            throw new InvalidQueryException("'after' belongs to a search sorted by " + cursor.sort()
                    + "; start again from the first page");
        }
        int offset = cursor != null && !cursor.isSearchAfter() ? cursor.offset() : 0;
        if (offset + query.size() > Cursor.MAX_OFFSET) {
            throw new InvalidQueryException("paging deeper than " + Cursor.MAX_OFFSET
                    + " collapsed results: narrow the search or set collapse=false");
        }
        CalendarInterval interval = interval(query);
        // Two requests at once: the page of hits, and the counts (total, stories, facets, date
        // histogram) as a size-0 search, which the shard request cache keeps until the next
        // refresh, so paging and repeated searches do not recount. Collapsing without inner hits
        // and asking a third, small request for the shown stories' sizes and originals measured
        // about half the time of one request doing all of it (BENCHMARKS.md).
        SearchRequest hitsRequest = SearchRequest.of(s -> {
            s.index(layout.alias())
                    .query(esQuery)
                    .size(query.size() + 1) // one more, to know whether there is a next page
                    .trackTotalHits(t -> t.enabled(false))
                    .source(src -> src.filter(f -> f.includes(HIT_FIELDS)))
                    .sort(sort(query))
                    .highlight(HIGHLIGHT);
            if (query.collapse()) {
                s.from(offset).collapse(c -> c.field("story_id"));
            } else if (cursor != null) {
                s.searchAfter(cursor.searchAfter().stream().map(FieldValue::of).toList());
            }
            return s;
        });
        SearchRequest countsRequest = SearchRequest.of(s -> {
            s.index(layout.alias())
                    .query(esQuery)
                    .size(0)
                    .requestCache(true)
                    .trackTotalHits(t -> t.enabled(true));
            if (query.collapse()) {
                s.aggregations("stories", a -> a.cardinality(c -> c.field("story_id")));
            }
            for (String facet : query.facets()) {
                s.aggregations(facet, a -> a.terms(t -> t.field(FACETS.get(facet)).size(FACET_SIZE)));
            }
            // auto_date_histogram sits in the `aggregations` module, which the embedded node lacks
            s.aggregations("histogram", a -> a.dateHistogram(d -> d.field("published_at")
                    .calendarInterval(interval).minDocCount(1).timeZone(NEWS_TIME_ZONE)
                    .format("yyyy-MM-dd'T'HH:mmXXX")));
            return s;
        });
        CompletableFuture<SearchResponse<ObjectNode>> countsFuture = async.search(countsRequest, ObjectNode.class);
        SearchResponse<ObjectNode> response;
        Stories stories;
        try {
            response = execute(hitsRequest);
            List<Hit<ObjectNode>> shown = response.hits().hits();
            stories = query.collapse()
                    ? stories(esQuery, shown.subList(0, Math.min(shown.size(), query.size())))
                    : Stories.NONE;
        } catch (RuntimeException | IOException e) {
            countsFuture.cancel(true);
            throw e;
        }
        SearchResponse<ObjectNode> counts = await(countsFuture);
        List<Hit<ObjectNode>> raw = response.hits().hits();
        boolean more = raw.size() > query.size();
        List<SearchPage.Hit> hits = new ArrayList<>();
        for (Hit<ObjectNode> hit : raw.subList(0, Math.min(raw.size(), query.size()))) {
            String story = hit.source() == null ? null : text(hit.source(), "story_id");
            Hit<ObjectNode> original = story == null ? null : stories.originals().get(story);
            long size = story == null ? 1 : stories.sizes().getOrDefault(story, 1L);
            hits.add(toHit(original != null ? original : hit, Math.max(0, size - 1), hit.score()));
        }
        String next = null;
        if (more) {
            next = query.collapse()
                    ? Cursor.offset(offset + query.size()).encode()
                    : Cursor.after(sortName, sortValues(raw.get(query.size() - 1))).encode();
        }
        Map<String, Aggregate> aggregations = counts.aggregations();
        Map<String, List<SearchPage.FacetValue>> facets = new LinkedHashMap<>();
        for (String name : FACETS.keySet()) {
            if (!query.facets().contains(name)) {
                continue;
            }
            Aggregate aggregate = aggregations.get(name);
            List<SearchPage.FacetValue> values = new ArrayList<>();
            if (aggregate != null && aggregate.isSterms()) {
                for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
                    values.add(new SearchPage.FacetValue(bucket.key().stringValue(), bucket.docCount()));
                }
            }
            facets.put(name, values);
        }
        List<SearchPage.Bucket> histogram = new ArrayList<>();
        Aggregate dates = aggregations.get("histogram");
        if (dates != null && dates.isDateHistogram()) {
            for (DateHistogramBucket bucket : dates.dateHistogram().buckets().array()) {
                histogram.add(new SearchPage.Bucket(bucket.keyAsString(), bucket.docCount()));
            }
        }
        long total = counts.hits().total() == null ? hits.size() : counts.hits().total().value();
        Aggregate storyCount = aggregations.get("stories");
        long storiesTotal = storyCount != null && storyCount.isCardinality() ? storyCount.cardinality().value() : total;
        return new SearchPage(total, Math.min(storiesTotal, total), hits, facets, histogram,
                interval.jsonValue(), next,
                Math.max(response.took() + stories.took(), counts.took()));
    }

    /** The shown stories' matching sizes, and the originals of those shown by a repost. */
    private record Stories(Map<String, Long> sizes, Map<String, Hit<ObjectNode>> originals, long took) {
        static final Stories NONE = new Stories(Map.of(), Map.of(), 0);
    }

    /**
     * For the stories on a collapsed page: how many matching articles each has (its reposts are
     * the others), and, where a repost stands for its story, the original when the original
     * matches too, so the story is shown by it. The hits are only the originals ({@code post_filter});
     * the sizes count every matching article of the stories shown.
     */
    private Stories stories(Query esQuery, List<Hit<ObjectNode>> shown) throws IOException {
        List<FieldValue> ids = new ArrayList<>();
        List<FieldValue> shownByRepost = new ArrayList<>();
        for (Hit<ObjectNode> hit : shown) {
            String story = hit.source() == null ? null : text(hit.source(), "story_id");
            if (story != null) {
                ids.add(FieldValue.of(story));
                if (text(hit.source(), "duplicate_of") != null) {
                    shownByRepost.add(FieldValue.of(story));
                }
            }
        }
        if (ids.isEmpty()) {
            return Stories.NONE;
        }
        SearchRequest request = SearchRequest.of(s -> s.index(layout.alias())
                .query(q -> q.bool(b -> b.must(esQuery)
                        .filter(f -> f.terms(t -> t.field("story_id").terms(v -> v.value(ids))))))
                .postFilter(p -> p.bool(b -> b
                        .filter(f -> f.terms(t -> t.field("story_id").terms(v -> v.value(shownByRepost))))
                        .mustNot(m -> m.exists(e -> e.field("duplicate_of")))))
                .size(shownByRepost.size())
                .trackTotalHits(t -> t.enabled(false))
                .source(src -> src.filter(f -> f.includes(HIT_FIELDS)))
                .highlight(HIGHLIGHT)
                // map: a handful of documents, no global ordinals of a field unique per article
                .aggregations(STORY_SIZES, a -> a.terms(t -> t.field("story_id").size(ids.size())
                        .executionHint(TermsAggregationExecutionHint.Map))));
        SearchResponse<ObjectNode> response = execute(request);
        Map<String, Long> sizes = new HashMap<>();
        Aggregate aggregate = response.aggregations().get(STORY_SIZES);
        if (aggregate != null && aggregate.isSterms()) {
            for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
                sizes.put(bucket.key().stringValue(), bucket.docCount());
            }
        }
        Map<String, Hit<ObjectNode>> originals = new HashMap<>();
        for (Hit<ObjectNode> hit : response.hits().hits()) {
            String story = hit.source() == null ? null : text(hit.source(), "story_id");
            if (story != null) {
                originals.putIfAbsent(story, hit);
            }
        }
        return new Stories(sizes, originals, response.took());
    }

    /**
     * Articles like this one: the words of its title and body that are rare elsewhere
     * ({@code more_like_this}), and the companies and chips it mentions; its own story excluded.
     */
    public Optional<List<SearchPage.Hit>> related(String id, int size) throws IOException {
        GetResponse<ObjectNode> article = client.get(g -> g.index(layout.alias()).id(id)
                .sourceIncludes(List.of("companies", "chips", "story_id")), ObjectNode.class);
        if (!article.found() || article.source() == null) {
            return Optional.empty();
        }
        ObjectNode source = article.source();
        String index = article.index();
        List<FieldValue> companies = strings(source, "companies").stream().map(FieldValue::of).toList();
        List<FieldValue> chips = strings(source, "chips").stream().map(FieldValue::of).toList();
        String story = text(source, "story_id");
        BoolQuery.Builder bool = new BoolQuery.Builder();
        bool.should(q -> q.moreLikeThis(m -> m
                .fields("title", "body")
                .like(l -> l.document(d -> d.index(index).id(id)))
                .minTermFreq(1)
                .minDocFreq(1)
                .maxQueryTerms(30)
                .minimumShouldMatch("20%")));
        if (!companies.isEmpty()) {
            bool.should(q -> q.terms(t -> t.field("companies").terms(v -> v.value(companies)).boost(2.0f)));
        }
        if (!chips.isEmpty()) {
            bool.should(q -> q.terms(t -> t.field("chips").terms(v -> v.value(chips)).boost(2.0f)));
        }
        bool.minimumShouldMatch("1");
        bool.mustNot(q -> q.ids(i -> i.values(id)));
        if (story != null) {
            bool.mustNot(q -> q.term(t -> t.field("story_id").value(story)));
        }
        SearchRequest request = SearchRequest.of(s -> s.index(layout.alias())
                .query(q -> q.bool(bool.build()))
                .size(size)
                .collapse(c -> c.field("story_id"))
                .source(src -> src.filter(f -> f.includes(HIT_FIELDS))));
        SearchResponse<ObjectNode> response = execute(request);
        List<SearchPage.Hit> hits = new ArrayList<>();
        for (Hit<ObjectNode> hit : response.hits().hits()) {
            hits.add(toHit(hit));
        }
        return Optional.of(hits);
    }

    /** The stored document of one article, display-ready (word separators removed). */
    public Optional<ObjectNode> article(String id) throws IOException {
        GetResponse<ObjectNode> response = client.get(g -> g.index(layout.alias()).id(id), ObjectNode.class);
        if (!response.found() || response.source() == null) {
            return Optional.empty();
        }
        return Optional.of(displayReady(response.source()));
    }

    static ObjectNode displayReady(ObjectNode source) {
        for (String field : List.of("title", "summary", "body")) {
            JsonNode value = source.get(field);
            if (value != null && value.isTextual()) {
                source.put(field, SegmentedText.unsegment(value.asText()));
            }
        }
        return source;
    }

    private SearchResponse<ObjectNode> execute(SearchRequest request) throws IOException {
        try {
            return client.search(request, ObjectNode.class);
        } catch (ElasticsearchException e) {
            throw refused(e);
        }
    }

    private static SearchResponse<ObjectNode> await(CompletableFuture<SearchResponse<ObjectNode>> future)
            throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for Elasticsearch", e);
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ElasticsearchException refused) {
                throw refused(refused);
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(cause);
        }
    }

    private static RuntimeException refused(ElasticsearchException e) {
        if (e.status() == 400) {
            // every value the user gave was validated; a 400 left is a cursor that no longer fits
            LOG.warn("search refused by Elasticsearch: {}: {}", e.error().type(), e.error().reason());
            return new InvalidQueryException("the search could not be run as asked ("
                    + e.error().type() + "); start again from the first page");
        }
        return e;
    }

    /** Days for up to two months, weeks up to a year, else months; months when the range is open. */
    static CalendarInterval interval(ArticleQuery query) {
        if (query.from() == null || query.to() == null) {
            return CalendarInterval.Month;
        }
        long days = java.time.Duration.between(query.from(), query.to()).toDays();
        return days <= 62 ? CalendarInterval.Day : days <= 366 ? CalendarInterval.Week : CalendarInterval.Month;
    }

    static List<SortOptions> sort(ArticleQuery query) {
        List<SortOptions> sort = new ArrayList<>(3);
        if (query.byRelevance()) {
            sort.add(SortOptions.of(o -> o.score(sc -> sc.order(SortOrder.Desc))));
        }
        SortOrder dateOrder = query.sort() == ArticleQuery.Sort.OLDEST ? SortOrder.Asc : SortOrder.Desc;
        sort.add(SortOptions.of(o -> o.field(f -> f.field("published_at").order(dateOrder).missing("_last"))));
        sort.add(SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc)))); // tie-break for search_after
        return sort;
    }

    static List<Object> sortValues(Hit<?> hit) {
        List<Object> values = new ArrayList<>();
        for (FieldValue value : hit.sort()) {
            values.add(switch (value._kind()) {
                case Long -> value.longValue();
                case Double -> value.doubleValue();
                case String -> value.stringValue();
                case Boolean -> value.booleanValue() ? 1L : 0L;
                default -> value._toJsonString();
            });
        }
        return values;
    }

    Query buildQuery(ArticleQuery query) {
        BoolQuery.Builder bool = new BoolQuery.Builder();
        UserQuery text = UserQuery.parse(query.text());
        boolean anyText = false;
        for (List<UserQuery.Term> group : text.required()) {
            List<Query> alternatives = new ArrayList<>();
            for (UserQuery.Term term : group) {
                termQuery(term).ifPresent(alternatives::add);
            }
            if (alternatives.size() == 1) {
                bool.must(alternatives.get(0));
                anyText = true;
            } else if (!alternatives.isEmpty()) {
                bool.must(m -> m.bool(b -> b.should(alternatives).minimumShouldMatch("1")));
                anyText = true;
            }
        }
        if (anyText) {
            // an original and its reposts score alike; a small lift makes the original the story's
            // representative when reposts are collapsed (and ranks it first when they are not)
            bool.should(q -> q.constantScore(c -> c.boost(0.1f)
                    .filter(f -> f.bool(b -> b.mustNot(m -> m.exists(e -> e.field("duplicate_of")))))));
        }
        if (!text.required().isEmpty() && !anyText) {
            // only punctuation or symbols: nothing can match them
            bool.must(m -> m.matchNone(n -> n));
        }
        for (UserQuery.Term term : text.excluded()) {
            termQuery(term).ifPresent(bool::mustNot);
        }
        if (text.required().isEmpty()) {
            bool.must(m -> m.matchAll(a -> a));
        }
        anyOf(bool, query.companies(), "companies", "company_ids");
        anyOf(bool, query.chips(), "chips", "chip_ids");
        anyOf(bool, query.people(), "people");
        anyOf(bool, query.sites(), "site");
        anyOf(bool, query.sources(), "original_source", "source");
        for (String tag : query.tags()) {
            bool.filter(f -> f.term(t -> t.field("tags").value(tag)));
        }
        for (FigureFilter figure : query.figures()) {
            bool.filter(f -> f.nested(n -> n.path("figures").query(fq -> fq.bool(fb -> {
                fb.filter(m -> m.term(t -> t.field("figures.metric").value(figure.metric())));
                if (figure.unit() != null) {
                    fb.filter(m -> m.term(t -> t.field("figures.unit").value(figure.unit())));
                }
                double value = figure.value().doubleValue();
                fb.filter(m -> m.range(r -> r.number(nr -> {
                    nr.field("figures.value");
                    switch (figure.operator()) {
                        case GT -> nr.gt(value);
                        case GTE -> nr.gte(value);
                        case LT -> nr.lt(value);
                        case LTE -> nr.lte(value);
                        case EQ -> nr.gte(value).lte(value);
                    }
                    return nr;
                })));
                return fb;
            }))));
        }
        if (query.from() != null || query.to() != null) {
            bool.filter(f -> f.range(r -> r.date(d -> {
                d.field("published_at");
                if (query.from() != null) {
                    d.gte(query.from().toString());
                }
                if (query.to() != null) {
                    d.lt(query.to().toString());
                }
                return d;
            })));
        }
        return Query.of(q -> q.bool(bool.build()));
    }

    private Optional<Query> termQuery(UserQuery.Term term) {
        List<String> words = segmenter.words(term.text()).stream()
                .map(String::strip)
                .filter(w -> !w.isEmpty() && w.codePoints().anyMatch(Character::isLetterOrDigit))
                .toList();
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String joined = String.join(" ", words);
        return Optional.of(Query.of(q -> q.multiMatch(m -> m
                .query(joined)
                .type(TextQueryType.Phrase)
                .fields(TEXT_FIELDS))));
    }

    private static void anyOf(BoolQuery.Builder bool, List<String> values, String... fields) {
        if (values.isEmpty()) {
            return;
        }
        List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
        if (fields.length == 1) {
            bool.filter(f -> f.terms(t -> t.field(fields[0]).terms(v -> v.value(terms))));
            return;
        }
        bool.filter(f -> f.bool(b -> {
            for (String field : fields) {
                b.should(s -> s.terms(t -> t.field(field).terms(v -> v.value(terms))));
            }
            return b.minimumShouldMatch("1");
        }));
    }

    static SearchPage.Hit toHit(Hit<ObjectNode> hit) {
        return toHit(hit, 0, hit.score());
    }

    static SearchPage.Hit toHit(Hit<ObjectNode> hit, long reposts, Double score) {
        ObjectNode source = hit.source();
        Map<String, List<String>> highlight = hit.highlight();
        String id = hit.id();
        String title = SegmentedText.unsegment(text(source, "title"));
        Map<String, List<String>> marks = highlight;
        String titleHighlight = first(marks.get("title")).or(() -> first(marks.get("title.std")))
                .map(Highlights::clean).orElse(null);
        List<String> snippets = highlight.getOrDefault("body", List.of());
        if (snippets.isEmpty()) {
            snippets = highlight.getOrDefault("summary", List.of());
        }
        List<String> cleaned = snippets.stream().map(Highlights::clean).toList();
        if (cleaned.isEmpty() && source != null && source.hasNonNull("summary")) {
            cleaned = List.of(Highlights.escape(SegmentedText.unsegment(text(source, "summary"))));
        }
        return new SearchPage.Hit(
                id,
                text(source, "url"),
                title,
                titleHighlight,
                cleaned,
                text(source, "site"),
                text(source, "source"),
                text(source, "author"),
                text(source, "original_source"),
                text(source, "published_at"),
                strings(source, "companies"),
                strings(source, "chips"),
                strings(source, "people"),
                strings(source, "tags"),
                text(source, "story_id"),
                text(source, "duplicate_of"),
                reposts,
                score);
    }

    private static Optional<String> first(List<String> values) {
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    static String text(ObjectNode source, String field) {
        JsonNode value = source == null ? null : source.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static List<String> strings(ObjectNode source, String field) {
        JsonNode value = source == null ? null : source.get(field);
        if (value == null || !value.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(value.size());
        value.forEach(v -> out.add(v.asText()));
        return out;
    }
}
