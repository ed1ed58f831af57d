package io.newsctl.index.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsctl.embedded.NewsServersExtension;
import io.newsctl.embedded.ServerEndpoints;
import io.newsctl.index.BulkWriter;
import io.newsctl.index.DocumentMapper;
import io.newsctl.index.EsClients;
import io.newsctl.index.EsConnection;
import io.newsctl.index.IndexBootstrap;
import io.newsctl.index.IndexLayout;
import io.newsctl.index.bench.SyntheticArticles;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.Entity;
import io.newsctl.model.EntityType;
import io.newsctl.model.ModelJson;
import io.newsctl.model.SegmentedText;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Search against a real Elasticsearch node over 400 synthetic articles whose entities, figures,
 * dates and reposts are known here, so every filter, facet and page can be checked exactly.
 */
@ExtendWith(NewsServersExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArticleSearchIT {
    private static final int ARTICLES = 400;
    private final IndexLayout layout = new IndexLayout("search-it", 1);
    private final List<EnrichedArticle> articles = new ArrayList<>();
    private ElasticsearchClient client;
    private ArticleSearch search;

    @BeforeAll
    void index(ServerEndpoints servers) throws Exception {
        client = EsClients.create(EsConnection.of(servers.elasticsearchUrl().toString()));
        new IndexBootstrap(client).ensure(layout);
        SyntheticArticles generator = new SyntheticArticles(7);
        DocumentMapper mapper = new DocumentMapper();
        List<DocumentMapper.IndexDocument> documents = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            EnrichedArticle article = generator.article(i);
            articles.add(article);
            documents.add(mapper.toDocument(article));
        }
        try (BulkWriter writer = new BulkWriter(client, layout)) {
            for (BulkWriter.ItemResult result : writer.write(documents)) {
                assertEquals(BulkWriter.Status.STORED, result.status(), result.toString());
            }
        }
        client.indices().refresh(r -> r.index(layout.alias()));
        search = new ArticleSearch(client, layout, text -> Arrays.asList(text.strip().split("\\s+")));
    }

    @AfterAll
    void close() throws Exception {
        client.indices().delete(d -> d.index(layout.index()));
        client.close();
    }

    // ---- text ----

    @Test
    void wordsMatchAndAreHighlightedWithoutSeparators() throws Exception {
        SearchPage page = search.search(ArticleQuery.builder().text("寒武纪").collapse(false).size(100).build());
        assertEquals(count(a -> a.segmented().body().contains("寒武纪") || a.segmented().title().contains("寒武纪")),
                page.total());
        SearchPage.Hit hit = page.hits().get(0);
        assertTrue(String.join("", hit.snippets()).contains("<em>寒武纪</em>")
                || String.valueOf(hit.titleHighlight()).contains("<em>寒武纪</em>"), hit.toString());
        assertFalse(hit.snippets().toString().contains(String.valueOf(SegmentedText.SEPARATOR)));
        assertFalse(hit.title().contains(String.valueOf(SegmentedText.SEPARATOR)));
    }

    @Test
    void phrasesExclusionsAndOr() throws Exception {
        long phrase = total(ArticleQuery.builder().text("\"出口管制 规则\"").collapse(false).build());
        assertEquals(count(a -> a.segmented().body().contains("出口管制" + sep() + "规则")), phrase);
        long excluded = total(ArticleQuery.builder().text("寒武纪 -英伟达").collapse(false).build());
        assertEquals(count(a -> has(a, "寒武纪") && !has(a, "英伟达")), excluded);
        long either = total(ArticleQuery.builder().text("寒武纪 OR 壁仞科技").collapse(false).build());
        assertEquals(count(a -> has(a, "寒武纪") || has(a, "壁仞科技")), either);
    }

    @Test
    void upperAndLowerCaseMatchTheSame() throws Exception {
        assertEquals(total(ArticleQuery.builder().text("H20").collapse(false).build()),
                total(ArticleQuery.builder().text("h20").collapse(false).build()));
    }

    // ---- filters ----

    @Test
    void companyFilterByCanonicalNameOrId() throws Exception {
        long expected = count(a -> entity(a, EntityType.COMPANY, "英伟达"));
        assertTrue(expected > 10);
        assertEquals(expected, total(ArticleQuery.builder().companies(List.of("英伟达")).collapse(false).build()));
        assertEquals(expected, total(ArticleQuery.builder().companies(List.of("nvidia")).collapse(false).build()));
        long either = count(a -> entity(a, EntityType.COMPANY, "英伟达") || entity(a, EntityType.COMPANY, "华为"));
        assertEquals(either, total(ArticleQuery.builder().companies(List.of("英伟达", "huawei")).collapse(false).build()));
    }

    @Test
    void chipPersonSiteSourceAndTagFilters() throws Exception {
        assertEquals(count(a -> entity(a, EntityType.CHIP, "H20")),
                total(ArticleQuery.builder().chips(List.of("nvidia-h20")).collapse(false).build()));
        assertEquals(count(a -> entity(a, EntityType.PERSON, "黄仁勋")),
                total(ArticleQuery.builder().people(List.of("黄仁勋")).collapse(false).build()));
        assertEquals(count(a -> a.article().site().equals("36kr.com")),
                total(ArticleQuery.builder().sites(List.of("36kr.com")).collapse(false).build()));
        assertEquals(count(a -> "财新".equals(a.article().originalSource())),
                total(ArticleQuery.builder().sources(List.of("财新")).collapse(false).build()));
        assertEquals(count(a -> a.tags().contains("earnings") && a.tags().contains("memory")),
                total(ArticleQuery.builder().tags(List.of("earnings", "memory")).collapse(false).build()));
    }

    @Test
    void dateRangeIsFromInclusiveToExclusive() throws Exception {
        OffsetDateTime from = OffsetDateTime.parse("2024-06-01T00:00:00+08:00");
        OffsetDateTime to = OffsetDateTime.parse("2024-09-01T00:00:00+08:00");
        long expected = count(a -> !a.article().publishedAt().isBefore(from) && a.article().publishedAt().isBefore(to));
        assertTrue(expected > 0);
        assertEquals(expected, total(ArticleQuery.builder().from(from).to(to).collapse(false).build()));
    }

    @Test
    void figureFilterMatchesMetricValueAndUnitOfOneFigure() throws Exception {
        FigureFilter filter = FigureFilter.parse("营收>=500亿CNY");
        BigDecimal floor = new BigDecimal("50000000000");
        long expected = count(a -> a.figures().stream().anyMatch(f -> "营收".equals(f.metric())
                && "CNY".equals(f.unit()) && f.value().compareTo(floor) >= 0));
        assertTrue(expected > 0);
        assertEquals(expected, total(ArticleQuery.builder().figure(filter).collapse(false).build()));
        long share = count(a -> a.figures().stream().anyMatch(f -> "市场份额".equals(f.metric())
                && f.value().compareTo(new BigDecimal("20")) < 0));
        assertEquals(share, total(ArticleQuery.builder().figures(List.of("市场份额<20%")).collapse(false).build()));
    }

    // ---- facets, histogram ----

    @Test
    void facetsCountMatchingArticlesAndNarrowWithFilters() throws Exception {
        SearchPage page = search.search(ArticleQuery.builder().chips(List.of("H20")).collapse(false).build());
        Map<String, Long> companies = facet(page, "companies");
        assertEquals(count(a -> entity(a, EntityType.CHIP, "H20") && entity(a, EntityType.COMPANY, "华为")),
                companies.getOrDefault("华为", 0L));
        assertEquals(page.total(), facet(page, "chips").get("H20"));
        assertTrue(page.facets().keySet().containsAll(List.of("companies", "chips", "sites", "sources", "tags")));
        for (var value : facet(page, "tags").entrySet()) {
            assertEquals(value.getValue(), total(ArticleQuery.builder().chips(List.of("H20"))
                    .tags(List.of(value.getKey())).collapse(false).build()), value.getKey());
        }
        SearchPage fewer = search.search(ArticleQuery.builder().facets(Set.of("chips")).build());
        assertEquals(Set.of("chips"), fewer.facets().keySet());
    }

    @Test
    void histogramBucketsAddUpToTheTotal() throws Exception {
        SearchPage page = search.search(ArticleQuery.builder().companies(List.of("华为")).collapse(false).build());
        assertTrue(page.histogram().size() > 1, page.histogram().toString());
        assertEquals(page.total(), page.histogram().stream().mapToLong(SearchPage.Bucket::count).sum());
        assertNotNull(page.interval());
    }

    // ---- sorting, paging, collapse ----

    @Test
    void searchAfterPagingVisitsEveryArticleOnceNewestFirst() throws Exception {
        ArticleQuery query = ArticleQuery.builder().companies(List.of("华为")).sort(ArticleQuery.Sort.DATE)
                .size(7).collapse(false).build();
        List<SearchPage.Hit> all = walk(query);
        assertEquals(count(a -> entity(a, EntityType.COMPANY, "华为")), all.size());
        assertEquals(all.size(), all.stream().map(SearchPage.Hit::id).distinct().count());
        for (int i = 1; i < all.size(); i++) {
            assertTrue(OffsetDateTime.parse(all.get(i - 1).publishedAt())
                    .compareTo(OffsetDateTime.parse(all.get(i).publishedAt())) >= 0, "order at " + i);
        }
    }

    @Test
    void relevancePagingAndOldestFirstAreStable() throws Exception {
        List<SearchPage.Hit> relevance = walk(ArticleQuery.builder().text("算力").size(9).collapse(false).build());
        assertEquals(total(ArticleQuery.builder().text("算力").collapse(false).build()), relevance.size());
        assertEquals(relevance.size(), relevance.stream().map(SearchPage.Hit::id).distinct().count());
        List<SearchPage.Hit> oldest = walk(ArticleQuery.builder().sort(ArticleQuery.Sort.OLDEST).size(50)
                .collapse(false).build());
        assertEquals(ARTICLES, oldest.size());
        assertEquals(articles.stream().map(a -> a.article().publishedAt()).min(OffsetDateTime::compareTo).orElseThrow()
                .toInstant(), OffsetDateTime.parse(oldest.get(0).publishedAt()).toInstant());
    }

    @Test
    void repostsCollapseIntoOneHitWithACount() throws Exception {
        Map<String, Integer> storySizes = new HashMap<>();
        for (EnrichedArticle a : articles) {
            storySizes.merge(storyOf(a), 1, Integer::sum);
        }
        assertTrue(storySizes.values().stream().anyMatch(size -> size > 1), "the generator makes reposts");
        List<SearchPage.Hit> stories = walk(ArticleQuery.builder().sort(ArticleQuery.Sort.DATE).size(30).build());
        assertEquals(storySizes.size(), stories.size());
        assertEquals(stories.size(), stories.stream().map(SearchPage.Hit::storyId).distinct().count());
        for (SearchPage.Hit hit : stories) {
            assertEquals(storySizes.get(hit.storyId()) - 1, hit.reposts(), hit.storyId());
            // newest first, a story's newest article is a repost; its original still stands for it
            assertEquals(hit.storyId(), hit.id(), "the original, not a repost, stands for the story");
            assertNull(hit.duplicateOf(), hit.id());
        }
        SearchPage first = search.search(ArticleQuery.builder().build());
        assertEquals(ARTICLES, first.total());
        assertEquals(storySizes.size(), first.stories());
    }

    @Test
    void theOriginalRepresentsItsStoryInRelevanceOrder() throws Exception {
        EnrichedArticle repost = articles.stream().filter(a -> a.article().duplicateOf() != null).findFirst()
                .orElseThrow();
        String original = repost.article().duplicateOf();
        String title = repost.article().title();
        SearchPage page = search.search(ArticleQuery.builder().text(title).size(100).build());
        SearchPage.Hit story = page.hits().stream().filter(h -> h.storyId().equals(original)).findFirst().orElseThrow();
        assertEquals(original, story.id(), "the original, not a repost, stands for the story");
        assertTrue(story.reposts() >= 1);
    }

    @Test
    void relatedArticlesShareEntitiesAndExcludeTheStory() throws Exception {
        EnrichedArticle article = articles.get(3);
        List<SearchPage.Hit> related = search.related(article.id(), 5).orElseThrow();
        assertEquals(5, related.size());
        Set<String> names = new HashSet<>();
        article.entities().forEach(e -> names.add(e.canonical()));
        for (SearchPage.Hit hit : related) {
            assertFalse(hit.storyId().equals(storyOf(article)), "own story excluded");
        }
        SearchPage.Hit best = related.get(0);
        assertTrue(best.companies().stream().anyMatch(names::contains) || best.chips().stream().anyMatch(names::contains),
                best.toString());
        assertTrue(search.related("0".repeat(32), 5).isEmpty());
    }

    @Test
    void articleViewIsDisplayReady() throws Exception {
        EnrichedArticle article = articles.get(5);
        ObjectNode stored = search.article(article.id()).orElseThrow();
        assertEquals(article.article().body(), stored.path("body").asText());
        assertEquals(article.figures().size(), stored.path("figures").size());
        assertTrue(search.article("f".repeat(32)).isEmpty());
    }

    // ---- export ----

    @Test
    void csvExportStreamsEveryMatchAcrossPages() throws Exception {
        ArticleQuery query = ArticleQuery.builder().companies(List.of("英伟达")).build();
        List<String> lines = new ArrayList<>();
        try (InputStream in = new ArticleExport(search, 7).open(query, ArticleExport.Format.CSV);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            reader.lines().forEach(lines::add);
        }
        assertEquals("\uFEFF" + String.join(",", ArticleExport.CSV_COLUMNS), lines.get(0));
        assertEquals(count(a -> entity(a, EntityType.COMPANY, "英伟达")), lines.size() - 1);
        assertTrue(lines.stream().skip(1).allMatch(l -> l.contains("英伟达")));

        int cap = (lines.size() - 1) / 2 + 1; // across pages of 7, and not at a page boundary
        try (InputStream in = new ArticleExport(search, 7, cap).open(query, ArticleExport.Format.CSV);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            assertEquals(lines.subList(0, cap + 1), reader.lines().toList(), "an export stops at its cap, newest first");
        }
    }

    @Test
    void jsonLinesExportHasDisplayTextAndFigures() throws Exception {
        ArticleQuery query = ArticleQuery.builder().tags(List.of("memory")).build();
        List<JsonNode> rows = new ArrayList<>();
        try (InputStream in = new ArticleExport(search, 11).open(query, ArticleExport.Format.JSONL);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                rows.add(ModelJson.mapper().readTree(line));
            }
        }
        assertEquals(count(a -> a.tags().contains("memory")), rows.size());
        Map<String, EnrichedArticle> byId = new HashMap<>();
        articles.forEach(a -> byId.put(a.id(), a));
        for (JsonNode row : rows) {
            EnrichedArticle source = byId.get(row.path("id").asText());
            assertEquals(source.article().body(), row.path("body").asText());
            assertEquals(source.figures().size(), row.path("figures").size());
        }
    }

    @Test
    void csvQuotesFieldsAndDefusesFormulas() {
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",'=1+1\r\n",
                ArticleExport.csvLine(List.of("a", "b,c", "say \"hi\"", "=1+1")));
    }

    // ---- bad input ----

    @Test
    void hostileInputIsTextOrA400NeverAServerError() throws Exception {
        for (String text : List.of("title:H20 AND body:*", "(((", "\\", "/.*/", "a~2 b^10", "\"", "*", "？？？",
                "{\"query\":{\"match_all\":{}}}", "<script>alert(1)</script>", "\u0000", "OR", "-")) {
            try {
                search.search(ArticleQuery.builder().text(text).build());
            } catch (InvalidQueryException expected) {
                assertFalse(expected.getMessage().isBlank());
            }
        }
        assertEquals(0, total(ArticleQuery.builder().text("title:H20").collapse(false).build()));
    }

    @Test
    void badCursorsAreRefusedWithAMessage() throws Exception {
        assertThrows(InvalidQueryException.class, () -> search.search(ArticleQuery.builder().after("nonsense").build()));
        SearchPage byDate = search.search(ArticleQuery.builder().sort(ArticleQuery.Sort.DATE).collapse(false).build());
        assertNotNull(byDate.next());
        assertThrows(InvalidQueryException.class, () -> search.search(ArticleQuery.builder().text("算力")
                .collapse(false).after(byDate.next()).build()));
        assertThrows(InvalidQueryException.class, () -> search.search(ArticleQuery.builder()
                .after(byDate.next()).build()));
        SearchPage last = search.search(ArticleQuery.builder().companies(List.of("nobody")).build());
        assertNull(last.next());
    }

    // ---- helpers ----

    private List<SearchPage.Hit> walk(ArticleQuery query) throws Exception {
        List<SearchPage.Hit> all = new ArrayList<>();
        SearchPage page = search.search(query);
        all.addAll(page.hits());
        int guard = 0;
        while (page.next() != null && guard++ < 500) {
            page = search.search(query.withAfter(page.next()));
            all.addAll(page.hits());
        }
        return all;
    }

    private long total(ArticleQuery query) throws Exception {
        return search.search(query).total();
    }

    private long count(Predicate<EnrichedArticle> predicate) {
        return articles.stream().filter(predicate).count();
    }

    private static boolean has(EnrichedArticle a, String word) {
        String s = String.valueOf(SegmentedText.SEPARATOR);
        String padded = s + a.segmented().title() + s + a.segmented().summary() + s + a.segmented().body() + s;
        return padded.contains(s + word + s);
    }

    private static boolean entity(EnrichedArticle a, EntityType type, String name) {
        for (Entity e : a.entities()) {
            if (e.type() == type && e.canonical().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static String storyOf(EnrichedArticle a) {
        return a.article().duplicateOf() != null ? a.article().duplicateOf() : a.id();
    }

    private static String sep() {
        return String.valueOf(SegmentedText.SEPARATOR);
    }

    private static Map<String, Long> facet(SearchPage page, String name) {
        Map<String, Long> values = new HashMap<>();
        page.facets().get(name).forEach(v -> values.put(v.value(), v.count()));
        return values;
    }
}
