package io.newsctl.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.InfoResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.analyze.AnalyzeToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Index settings that newsctl relies on, through the official client, identical on the embedded
 * node and a stock cluster: HanLP output is pre-segmented with spaces, so a custom analyzer
 * {whitespace tokenizer, lowercase, cjk_width} does the rest.
 */
@ExtendWith(NewsServersExtension.class)
class ElasticsearchRoundTripIT {

    private static final String INDEX_DEFINITION = """
            {
              "settings": {
                "number_of_shards": 1,
                "analysis": {
                  "analyzer": {
                    "segmented": {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]},
                    "segmented_cjk": {"type": "custom", "tokenizer": "whitespace", "filter": ["cjk_width", "lowercase"]}
                  },
                  "tokenizer": {
                    "short_whitespace": {"type": "whitespace", "max_token_length": 4}
                  }
                }
              },
              "mappings": {
                "properties": {
                  "title": {"type": "text", "analyzer": "segmented_cjk"},
                  "entities": {"type": "keyword"}
                }
              }
            }
            """;

    record Article(String title, List<String> entities) {
    }

    private ElasticsearchClient client;
    private final String index = "articles-" + UUID.randomUUID();

    @BeforeEach
    void connect(ServerEndpoints servers) {
        client = ElasticsearchClient.of(b -> b.host(servers.elasticsearchUrl()));
    }

    @AfterEach
    void close() throws Exception {
        client.indices().delete(d -> d.index(index).ignoreUnavailable(true));
        client._transport().close();
    }

    @Test
    void clientSeesAnElasticsearch9Node() throws Exception {
        InfoResponse info = client.info();

        assertTrue(client.ping().value());
        assertTrue(info.version().number().startsWith("9."), info.version().number());
        assertEquals("You Know, for Search", info.tagline());
    }

    @Test
    void customWhitespaceAnalyzerSplitsOnSpacesOnlyAndFoldsCaseAndWidth() throws Exception {
        createIndex();

        assertEquals(List.of("华为", "发布", "mate70", "ai芯片"), analyze("segmented_cjk", "华为 发布 Ｍａｔｅ７０ AI芯片"));
        assertEquals(List.of("华为", "发布", "ａｉ芯片"), analyze("segmented", "华为 发布 Ａｉ芯片"));
        List<String> shortTokens = client.indices().analyze(a -> a.index(index).tokenizer(t -> t.name("short_whitespace"))
                .text("长江存储科技 发布")).tokens().stream().map(AnalyzeToken::token).toList();
        assertEquals(List.of("长江存储", "科技", "发布"), shortTokens, "max_token_length is honoured");
    }

    @Test
    void indexedArticlesAreFoundByTextAndEntity() throws Exception {
        createIndex();
        client.index(i -> i.index(index).id("1").document(new Article("华为 发布 Mate70 手机", List.of("华为"))));
        client.index(i -> i.index(index).id("2").document(new Article("小米 汽车 SU7 交付 破 万", List.of("小米"))));
        client.index(i -> i.index(index).id("3").document(new Article("华为 昇腾 AI芯片 量产", List.of("华为", "昇腾")))
                .refresh(Refresh.True));

        SearchResponse<Article> byText = client.search(s -> s.index(index)
                .query(q -> q.match(m -> m.field("title").query("ＭＡＴＥ７０"))), Article.class);
        SearchResponse<Article> byEntity = client.search(s -> s.index(index)
                .query(q -> q.term(t -> t.field("entities").value("华为"))), Article.class);
        SearchResponse<Article> bySegment = client.search(s -> s.index(index)
                .query(q -> q.match(m -> m.field("title").query("ai芯片"))), Article.class);

        assertEquals(List.of("1"), ids(byText));
        assertEquals(List.of("1", "3"), ids(byEntity).stream().sorted().toList());
        assertEquals(List.of("3"), ids(bySegment));
        assertEquals(List.of("华为", "昇腾"), bySegment.hits().hits().get(0).source().entities());
    }

    private void createIndex() throws Exception {
        client.indices().create(c -> c.index(index).withJson(new StringReader(INDEX_DEFINITION)));
    }

    private List<String> analyze(String analyzer, String text) throws Exception {
        return client.indices().analyze(a -> a.index(index).analyzer(analyzer).text(text))
                .tokens().stream().map(AnalyzeToken::token).toList();
    }

    private static List<String> ids(SearchResponse<Article> response) {
        return response.hits().hits().stream().map(Hit::id).toList();
    }
}
