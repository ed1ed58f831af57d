package io.newsctl.index.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.newsctl.embedded.ServerEndpoints;
import io.newsctl.index.BulkWriter;
import io.newsctl.index.DocumentMapper;
import io.newsctl.index.EsClients;
import io.newsctl.index.EsConnection;
import io.newsctl.index.IndexLayout;
import io.newsctl.index.bench.SyntheticArticles;
import io.newsctl.model.EnrichedArticle;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The index service running in this JVM against the real test servers, with its own alias and
 * consumer group, and {@code n} synthetic articles indexed straight into its alias.
 */
final class SearchService implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final ApplicationContext context;
    final EmbeddedServer server;
    final ElasticsearchClient client;
    final IndexLayout layout;
    final List<EnrichedArticle> articles = new ArrayList<>();

    private SearchService(ApplicationContext context, EmbeddedServer server, ElasticsearchClient client,
                          IndexLayout layout) {
        this.context = context;
        this.server = server;
        this.client = client;
        this.layout = layout;
    }

    static SearchService start(ServerEndpoints servers, String name, int articles) throws Exception {
        return start(servers, name, articles, Map.of());
    }

    /** The same with further properties (authentication, rate limits …). */
    static SearchService start(ServerEndpoints servers, String name, int articles, Map<String, Object> extra)
            throws Exception {
        String run = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        IndexLayout layout = new IndexLayout(run, 1);
        Map<String, Object> properties = new java.util.HashMap<>(Map.of(
                "micronaut.server.port", -1,
                "news.kafka.bootstrap-servers", servers.kafkaBootstrap(),
                "news.elasticsearch.url", servers.elasticsearchUrl().toString(),
                "news.elasticsearch.alias", run,
                "news.indexer.group-id", run));
        properties.putAll(extra);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        ElasticsearchClient client = EsClients.create(EsConnection.of(servers.elasticsearchUrl().toString()));
        SearchService service = new SearchService(server.getApplicationContext(), server, client, layout);
        SyntheticArticles generator = new SyntheticArticles(21);
        DocumentMapper mapper = new DocumentMapper();
        List<DocumentMapper.IndexDocument> documents = new ArrayList<>();
        for (int i = 0; i < articles; i++) {
            EnrichedArticle article = generator.article(i);
            service.articles.add(article);
            documents.add(mapper.toDocument(article));
        }
        try (BulkWriter writer = new BulkWriter(client, layout)) {
            writer.write(documents).forEach(r -> assertEquals(BulkWriter.Status.STORED, r.status(), r.toString()));
        }
        client.indices().refresh(r -> r.index(layout.alias()));
        return service;
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getPort() + path;
    }

    HttpResponse<String> get(String path) throws Exception {
        return get(path, null);
    }

    /** GET with an API key (none when null). */
    HttpResponse<String> get(String path, String apiKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(30)).GET();
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws Exception {
        try {
            client.indices().delete(d -> d.index(layout.index()));
        } finally {
            client.close();
            context.close();
        }
    }
}
