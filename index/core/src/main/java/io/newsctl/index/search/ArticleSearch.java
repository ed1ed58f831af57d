package io.newsctl.index.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsctl.index.IndexLayout;
import io.newsctl.model.SegmentedText;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Searches the article index. User text becomes match-phrase queries over the segmented fields and
 * their {@code standard} sub-fields (for recall when a query word is cut differently from the
 * document); filters become term and range filters. Nothing the user typed is passed as query
 * syntax.
 */
public final class ArticleSearch {
    /** Facet name → keyword field. */
    public static final Map<String, String> FACETS = Map.of(
            "companies", "companies",
            "chips", "chips",
            "tags", "tags",
            "sites", "site");
    private static final int FACET_SIZE = 25;
    private static final List<String> TEXT_FIELDS = List.of(
            "title^3", "summary^2", "body", "title.std^1.5", "summary.std", "body.std^0.5");
    private static final List<String> HIT_FIELDS = List.of(
            "id", "url", "title", "site", "source", "author", "original_source", "published_at",
            "companies", "chips", "tags", "summary");

    private final ElasticsearchClient client;
    private final IndexLayout layout;
    private final QuerySegmenter segmenter;

    public ArticleSearch(ElasticsearchClient client, IndexLayout layout, QuerySegmenter segmenter) {
        this.client = client;
        this.layout = layout;
        this.segmenter = segmenter;
    }

    public SearchPage search(ArticleQuery query) throws IOException {
        Query esQuery = buildQuery(query);
        SearchRequest request = SearchRequest.of(s -> {
            s.index(layout.alias())
                    .query(esQuery)
                    .from(query.page() * query.size())
                    .size(query.size())
                    .trackTotalHits(t -> t.enabled(true))
                    .source(src -> src.filter(f -> f.includes(HIT_FIELDS)))
                    .highlight(h -> h
                            .encoder(HighlighterEncoder.Html)
                            .preTags("<em>")
                            .postTags("</em>")
                            .fields(NamedValue.of("title", HighlightField.of(f -> f.numberOfFragments(0))),
                                    NamedValue.of("body", HighlightField.of(f -> f.fragmentSize(120).numberOfFragments(3))),
                                    NamedValue.of("body.std", HighlightField.of(f -> f.fragmentSize(120).numberOfFragments(3)))));
            FACETS.forEach((name, field) -> s.aggregations(name, a -> a.terms(t -> t.field(field).size(FACET_SIZE))));
            if (query.sort() == ArticleQuery.Sort.DATE || query.text() == null || query.text().isBlank()) {
                s.sort(o -> o.field(f -> f.field("published_at").order(SortOrder.Desc).missing("_last")));
                s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
            } else {
                s.sort(o -> o.score(sc -> sc.order(SortOrder.Desc)));
                s.sort(o -> o.field(f -> f.field("published_at").order(SortOrder.Desc).missing("_last")));
            }
            return s;
        });
        SearchResponse<ObjectNode> response = client.search(request, ObjectNode.class);
        List<SearchPage.Hit> hits = new ArrayList<>();
        for (Hit<ObjectNode> hit : response.hits().hits()) {
            hits.add(toHit(hit));
        }
        Map<String, List<SearchPage.FacetValue>> facets = new LinkedHashMap<>();
        for (String name : List.of("companies", "chips", "tags", "sites")) {
            var aggregate = response.aggregations().get(name);
            List<SearchPage.FacetValue> values = new ArrayList<>();
            if (aggregate != null && aggregate.isSterms()) {
                for (StringTermsBucket bucket : aggregate.sterms().buckets().array()) {
                    values.add(new SearchPage.FacetValue(bucket.key().stringValue(), bucket.docCount()));
                }
            }
            facets.put(name, values);
        }
        long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
        return new SearchPage(total, hits, facets, query.page(), query.size(), response.took());
    }

    /** The stored document of one article, display-ready (word separators removed). */
    public Optional<ObjectNode> article(String id) throws IOException {
        GetResponse<ObjectNode> response = client.get(g -> g.index(layout.alias()).id(id), ObjectNode.class);
        if (!response.found() || response.source() == null) {
            return Optional.empty();
        }
        ObjectNode source = response.source();
        for (String field : List.of("title", "summary", "body")) {
            JsonNode value = source.get(field);
            if (value != null && value.isTextual()) {
                source.put(field, SegmentedText.unsegment(value.asText()));
            }
        }
        return Optional.of(source);
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
        for (UserQuery.Term term : text.excluded()) {
            termQuery(term).ifPresent(bool::mustNot);
        }
        if (!anyText) {
            bool.must(m -> m.matchAll(a -> a));
        }
        anyOf(bool, query.companies(), "companies", "company_ids");
        anyOf(bool, query.chips(), "chips", "chip_ids");
        for (String tag : query.tags()) {
            bool.filter(f -> f.term(t -> t.field("tags").value(tag)));
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

    private static void anyOf(BoolQuery.Builder bool, List<String> values, String nameField, String idField) {
        if (values.isEmpty()) {
            return;
        }
        List<FieldValue> terms = values.stream().map(FieldValue::of).toList();
        bool.filter(f -> f.bool(b -> b
                .should(s -> s.terms(t -> t.field(nameField).terms(v -> v.value(terms))))
                .should(s -> s.terms(t -> t.field(idField).terms(v -> v.value(terms))))
                .minimumShouldMatch("1")));
    }

    private static SearchPage.Hit toHit(Hit<ObjectNode> hit) {
        ObjectNode source = hit.source();
        Map<String, List<String>> highlight = hit.highlight();
        String title = SegmentedText.unsegment(text(source, "title"));
        String titleHighlight = first(highlight.get("title")).map(Highlights::clean).orElse(null);
        List<String> snippets = highlight.getOrDefault("body", List.of());
        if (snippets.isEmpty()) {
            snippets = highlight.getOrDefault("body.std", List.of());
        }
        List<String> cleaned = snippets.stream().map(Highlights::clean).toList();
        if (cleaned.isEmpty() && source.hasNonNull("summary")) {
            cleaned = List.of(Highlights.escape(SegmentedText.unsegment(text(source, "summary"))));
        }
        return new SearchPage.Hit(
                hit.id(),
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
                strings(source, "tags"),
                hit.score());
    }

    private static Optional<String> first(List<String> values) {
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static String text(ObjectNode source, String field) {
        JsonNode value = source == null ? null : source.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(ObjectNode source, String field) {
        JsonNode value = source == null ? null : source.get(field);
        if (value == null || !value.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(value.size());
        value.forEach(v -> out.add(v.asText()));
        return out;
    }
}
