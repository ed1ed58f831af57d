package io.newsctl.ingest.service;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.newsctl.embedded.NewsServersExtension;
import io.newsctl.embedded.ServerEndpoints;
import io.newsctl.ingest.crawl.CrawlState;
import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import io.newsctl.model.Topics;
import io.newsctl.stream.KafkaClientConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest service's crawler on a real Kafka broker: a fixture site on 127.0.0.1 is crawled,
 * the articles land on articles.raw (the copy marked duplicateOf the original), the crawl state on
 * the compacted crawl.state topic; a restarted service reads that state back: the list page is
 * fetched conditionally (304) and no article is fetched or published again.
 */
@ExtendWith(NewsServersExtension.class)
class CrawlJobIT {
    private static final Path SAMPLES = Path.of("../../samples");

    @TempDir
    Path dir;

    private HttpServer site;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private String base;

    @BeforeEach
    void startSite() throws IOException {
        byte[] article = Files.readAllBytes(SAMPLES.resolve("pages/36kr/h20-domestic-gpu.html"));
        site = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 10);
        base = "http://127.0.0.1:" + site.getAddress().getPort();
        site.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String inm = exchange.getRequestHeaders().getFirst("If-None-Match");
            requests.add(path + (inm == null ? "" : " If-None-Match " + inm));
            switch (path) {
                case "/robots.txt" -> send(exchange, 200, "text/plain", "User-agent: *\nAllow: /\n".getBytes());
                case "/list" -> {
                    exchange.getResponseHeaders().add("ETag", "\"l1\"");
                    if ("\"l1\"".equals(inm)) {
                        send(exchange, 304, null, null);
                    } else {
                        send(exchange, 200, "text/html; charset=utf-8",
                                "<html><body><a href='/p/h20'>一</a><a href='/p/copy'>二</a></body></html>".getBytes());
                    }
                }
                case "/p/h20", "/p/copy" -> send(exchange, 200, "text/html; charset=utf-8", article);
                default -> send(exchange, 404, null, null);
            }
        });
        site.start();
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

    @AfterEach
    void stopSite() {
        site.stop(0);
    }

    private EmbeddedServer startService(ServerEndpoints servers, Path sources) {
        Map<String, Object> props = new HashMap<>();
        props.put("micronaut.server.port", -1);
        props.put("news.kafka.bootstrap-servers", servers.kafkaBootstrap());
        props.put("news.crawl.sources-file", sources.toString());
        props.put("news.crawl.allowed-cidrs", List.of("127.0.0.1/32"));
        props.put("news.crawl.default-delay", "50ms");
        props.put("news.crawl.threads", 1);
        return ApplicationContext.run(EmbeddedServer.class, props);
    }

    @Test
    void crawlsPublishesAndResumesFromItsStateAfterARestart(ServerEndpoints servers) throws Exception {
        Path sources = dir.resolve("sources.yaml");
        Files.writeString(sources, "sources:\n  - name: fixture\n    kind: list\n    url: " + base + "/list\n"
                + "    follow: ['/p/']\n    schedule: 1h\n");

        try (EmbeddedServer service = startService(servers, sources)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> rawArticles(servers).size() >= 2);
            await().atMost(Duration.ofSeconds(30)).until(() -> passes(service) >= 1);
        }
        List<RawArticle> articles = rawArticles(servers);
        assertEquals(2, articles.size(), articles.toString());
        RawArticle original = articles.stream().filter(a -> a.fetchedUrl().endsWith("/p/h20")).findFirst().orElseThrow();
        RawArticle copy = articles.stream().filter(a -> a.fetchedUrl().endsWith("/p/copy")).findFirst().orElseThrow();
        assertNull(original.duplicateOf());
        assertEquals(original.id(), copy.duplicateOf());

        Map<String, CrawlState> states = new HashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                KafkaClientConfig.producer("test", servers.kafkaBootstrap(), Map.of()))) {
            new KafkaCrawlStateStore(servers.kafkaBootstrap(), Map.of(), producer).load(s -> {
                if (s.url().startsWith(base)) {
                    states.put(s.url(), s);
                }
            });
        }
        assertEquals("\"l1\"", states.get(base + "/list").etag());
        assertEquals(original.id(), states.get(base + "/p/h20").articleId());
        assertEquals(original.id(), states.get(base + "/p/copy").duplicateOf());

        requests.clear();
        try (EmbeddedServer restarted = startService(servers, sources)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> passes(restarted) >= 1);
        }
        assertTrue(requests.contains("/list If-None-Match \"l1\""), requests.toString());
        assertTrue(requests.stream().noneMatch(r -> r.startsWith("/p/")), "articles not fetched again: " + requests);
        assertEquals(2, rawArticles(servers).size(), "nothing published again");
    }

    private static long passes(EmbeddedServer service) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.getPort() + "/api/ingest/crawl")).build(),
                HttpResponse.BodyHandlers.ofString());
        return ModelJson.mapper().readTree(response.body()).path("status").path("passes").asLong();
    }

    private List<RawArticle> rawArticles(ServerEndpoints servers) throws Exception {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrap());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        List<RawArticle> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.RAW, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(Topics.RAW, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    RawArticle a = ModelJson.decodeRaw(r.value());
                    if (a.fetchedUrl().startsWith(base)) {
                        out.add(a);
                    }
                }
            }
        }
        return out;
    }
}
