package io.newsctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsctl.embedded.NewsServersExtension;
import io.newsctl.embedded.ServerEndpoints;
import io.newsctl.extract.Extractor;
import io.newsctl.index.BulkWriter;
import io.newsctl.index.DocumentMapper;
import io.newsctl.index.EsClients;
import io.newsctl.index.EsConnection;
import io.newsctl.index.IndexBootstrap;
import io.newsctl.index.IndexLayout;
import io.newsctl.index.search.ArticleQuery;
import io.newsctl.index.search.ArticleSearch;
import io.newsctl.index.search.SearchPage;
import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import io.newsctl.model.Topics;
import io.newsctl.stream.TopicAdmin;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code newsctl crawl --once} over two fixture sites on 127.0.0.1 against the real Kafka, then the
 * extract and index cores over what it published, into a real Elasticsearch: the crawled articles
 * are searchable, the GBK page reads right, of the article and its repost on the second site one is
 * marked duplicateOf the other, and the page robots.txt disallows was never requested.
 */
@ExtendWith(NewsServersExtension.class)
class CrawlCommandIT {
    private static final Path SAMPLES = Path.of("../samples/pages");

    @TempDir
    Path dir;

    private final List<HttpServer> sites = new ArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private ElasticsearchClient es;
    private IndexLayout layout;
    private Map<TopicPartition, Long> rawStart;
    private String bootstrap;

    private String site(Map<String, Object[]> pages) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/", exchange -> {
            requests.add(base + exchange.getRequestURI().getPath());
            Object[] page = pages.get(exchange.getRequestURI().getPath());
            send(exchange, page == null ? 404 : 200, page == null ? null : (String) page[0],
                    page == null ? null : (byte[]) page[1]);
        });
        server.start();
        sites.add(server);
        return base;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        try (exchange) {
            if (type != null) {
                exchange.getResponseHeaders().add("Content-Type", type);
            }
            exchange.sendResponseHeaders(status, body == null ? -1 : body.length);
            if (body != null) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    private static Object[] html(byte[] body, String charset) {
        return new Object[] {"text/html; charset=" + charset, body};
    }

    private static byte[] list(String... paths) {
        StringBuilder sb = new StringBuilder("<html><head><meta charset=utf-8><title>频道</title></head><body><ul>");
        for (String p : paths) {
            sb.append("<li><a href='").append(p).append("'>文章</a></li>");
        }
        return sb.append("</ul></body></html>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The reference page as another site reposts it: an editor's note before the text. */
    private static byte[] repost(byte[] reference) {
        String html = new String(reference, StandardCharsets.UTF_8);
        String marker = "kr-rich-text-wrapper\">";
        int at = html.indexOf(marker);
        assertTrue(at > 0, "the reference page's body wrapper");
        return (html.substring(0, at + marker.length()) + "<p>编者按：本文转载自半导体产业纵横，略有删节。</p>"
                + html.substring(at + marker.length())).getBytes(StandardCharsets.UTF_8);
    }

    @AfterEach
    void cleanUp() throws Exception {
        sites.forEach(s -> s.stop(0));
        if (es != null) {
            es.indices().delete(d -> d.index(layout.index()).ignoreUnavailable(true));
            es.close();
        }
        if (rawStart != null) {
            // articles.raw is shared with the demo IT's services in this JVM: leave it as found
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
                 KafkaConsumer<byte[], byte[]> consumer = consumer()) {
                Map<TopicPartition, RecordsToDelete> delete = new HashMap<>();
                consumer.endOffsets(rawStart.keySet()).forEach((tp, end) -> delete.put(tp, RecordsToDelete.beforeOffset(end)));
                admin.deleteRecords(delete).all().get();
            }
        }
    }

    @Test
    void crawledArticlesBecomeSearchableWithTheRepostMarked(ServerEndpoints servers) throws Exception {
        bootstrap = servers.kafkaBootstrap();
        byte[] reference = Files.readAllBytes(SAMPLES.resolve("36kr/h20-domestic-gpu.html"));
        String a = site(Map.of(
                "/robots.txt", new Object[] {"text/plain", "User-agent: *\nDisallow: /private/\n".getBytes()},
                "/news/", html(list("/p/h20", "/p/phones", "/p/smic", "/private/draft"), "utf-8"),
                "/p/h20", html(reference, "utf-8"),
                "/p/phones", html(Files.readAllBytes(SAMPLES.resolve("blog-og/foldable-phones.html")), "utf-8"),
                "/p/smic", html(Files.readAllBytes(SAMPLES.resolve("portal-gbk/smic-h1-results.html")), "gbk"),
                "/private/draft", html("<p>草稿</p>".getBytes(StandardCharsets.UTF_8), "utf-8")));
        String b = site(Map.of(
                "/list", html(list("/tech/repost"), "utf-8"),
                "/tech/repost", html(repost(reference), "utf-8")));
        Path sources = dir.resolve("fixture.yaml");
        Files.writeString(sources, "sources:\n"
                + "  - {name: site-a, kind: list, url: '" + a + "/news/', follow: ['/p/', '/private/']}\n"
                + "  - {name: site-b, kind: list, url: '" + b + "/list', follow: ['/tech/']}\n");
        TopicAdmin.ensure(bootstrap, Map.of(), TopicAdmin.pipelineTopics(3), Duration.ofSeconds(30));
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            rawStart = endOffsets(consumer);
        }

        StringWriter out = new StringWriter();
        int code = new CommandLine(new Newsctl()).setOut(new PrintWriter(out)).execute("crawl", "--once",
                "--source", sources.toString(), "--kafka", bootstrap, "--allow", "127.0.0.1/32", "--delay", "100ms");
        assertEquals(0, code, out.toString());
        assertTrue(out.toString().contains("4 articles published (1 reposts marked duplicateOf)"), out.toString());
        assertTrue(requests.stream().noneMatch(r -> r.endsWith("/private/draft")), requests.toString());

        List<RawArticle> raw = published(a, b);
        assertEquals(4, raw.size(), raw.toString());
        RawArticle onA = byUrl(raw, a + "/p/h20");
        RawArticle onB = byUrl(raw, b + "/tech/repost");
        // the two sites are crawled in parallel: whichever copy was processed second points at the first
        RawArticle original = onA.duplicateOf() == null ? onA : onB;
        RawArticle copy = original == onA ? onB : onA;
        assertNull(original.duplicateOf());
        assertEquals(original.id(), copy.duplicateOf());

        // extract and index what the crawl published, as the two services do
        es = EsClients.create(EsConnection.of(servers.elasticsearchUrl().toString()));
        layout = new IndexLayout("crawl-it-" + Long.toHexString(System.nanoTime()), 1);
        new IndexBootstrap(es).ensure(layout);
        Extractor extractor = Extractor.createDefault();
        DocumentMapper mapper = new DocumentMapper();
        List<DocumentMapper.IndexDocument> docs = raw.stream().map(r -> mapper.toDocument(extractor.enrich(r))).toList();
        List<BulkWriter.ItemResult> results = new BulkWriter(es, layout).write(docs);
        assertTrue(results.stream().allMatch(r -> r.status() == BulkWriter.Status.STORED), results.toString());
        es.indices().refresh(r -> r.index(layout.alias()));

        ArticleSearch search = new ArticleSearch(es, layout, extractor::queryTokens);
        SearchPage all = search.search(new ArticleQuery(null, List.of(), List.of(), List.of(), null, null,
                ArticleQuery.Sort.DATE, 0, 10));
        assertEquals(4, all.total());
        SearchPage cambricon = search.search(ArticleQuery.text("寒武纪"));
        assertTrue(cambricon.hits().stream().anyMatch(h -> h.id().equals(onA.id())
                && h.title().startsWith("H20出口解禁")), cambricon.hits().toString());
        SearchPage smic = search.search(ArticleQuery.text("中芯国际"));
        assertTrue(smic.hits().stream().anyMatch(h -> h.title().equals("中芯国际上半年净利润23亿元 同比增长39.8%")),
                "the GBK page, decoded: " + smic.hits());
        Map<String, Object> stored = es.get(g -> g.index(layout.alias()).id(copy.id()), Map.class).source();
        assertNotNull(stored);
        assertEquals(original.id(), stored.get("duplicate_of"), "search can collapse the repost");
    }

    private static RawArticle byUrl(List<RawArticle> raw, String fetchedUrl) {
        return raw.stream().filter(r -> r.fetchedUrl().equals(fetchedUrl)).findFirst()
                .orElseThrow(() -> new AssertionError(fetchedUrl + " not among " + raw.stream().map(RawArticle::fetchedUrl).toList()));
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    private static Map<TopicPartition, Long> endOffsets(KafkaConsumer<byte[], byte[]> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.RAW, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(Topics.RAW, p.partition())).toList();
        return consumer.endOffsets(partitions);
    }

    /** The articles.raw records written since the test started that came from the fixture sites. */
    private List<RawArticle> published(String... bases) throws Exception {
        List<RawArticle> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.assign(rawStart.keySet());
            rawStart.forEach(consumer::seek);
            Map<TopicPartition, Long> end = consumer.endOffsets(rawStart.keySet());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                assertTrue(System.nanoTime() < deadline, "reading articles.raw timed out");
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    RawArticle article = ModelJson.decodeRaw(r.value());
                    for (String base : bases) {
                        if (article.fetchedUrl().startsWith(base)) {
                            out.add(article);
                        }
                    }
                }
            }
        }
        return out;
    }
}
