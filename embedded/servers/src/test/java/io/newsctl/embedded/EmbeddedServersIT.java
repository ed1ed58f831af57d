package io.newsctl.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import io.newsctl.embedded.ServerEndpoints.Backend;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The embedded child-JVM servers themselves: resources, and the demo's start/stop API. */
@ExtendWith(NewsServersExtension.class)
class EmbeddedServersIT {

    private static final long MAX_RSS_KIB = 1024 * 1024;

    @Test
    void sharedEmbeddedServersAreSmallChildJvms(ServerEndpoints servers) {
        RunningServers running = NewsServers.sharedServers();
        assumeTrue(servers.mode().kafka() == Backend.EMBEDDED, "Kafka is not embedded in this run");
        assumeTrue(servers.mode().elasticsearch() == Backend.EMBEDDED, "Elasticsearch is not embedded in this run");
        EmbeddedKafka kafka = running.embeddedKafka().orElseThrow();
        EmbeddedElasticsearch es = running.embeddedElasticsearch().orElseThrow();

        for (ChildJvm jvm : List.of(kafka.jvm(), es.jvm())) {
            assertTrue(jvm.isAlive(), jvm.toString());
            assertTrue(jvm.pid() != ProcessHandle.current().pid());
            long rss = jvm.rssKib().orElseThrow();
            assertTrue(rss > 0 && rss < MAX_RSS_KIB, jvm + " RSS " + rss + " KiB");
        }
        System.out.printf("METRIC kafka startup_ms=%d rss_kib=%d pid=%d%n", kafka.startupTime().toMillis(),
                kafka.jvm().rssKib().orElseThrow(), kafka.jvm().pid());
        System.out.printf("METRIC elasticsearch startup_ms=%d rss_kib=%d pid=%d%n", es.startupTime().toMillis(),
                es.jvm().rssKib().orElseThrow(), es.jvm().pid());
    }

    /** What {@code newsctl demo} does: its own pair of servers, stopped cleanly, data kept. */
    @Test
    void startEmbeddedServesBothAndStopsThemCleanly(@TempDir Path dataDir) throws Exception {
        EmbeddedKafka kafka;
        EmbeddedElasticsearch es;
        try (RunningServers servers = NewsServers.startEmbedded(dataDir)) {
            assertEquals(ServerEndpoints.Mode.both(Backend.EMBEDDED), servers.endpoints().mode());
            kafka = servers.embeddedKafka().orElseThrow();
            es = servers.embeddedElasticsearch().orElseThrow();
            assertEquals(1, clusterSize(servers.endpoints()));
            assertEquals(200, httpStatus(servers.endpoints(), "/_cluster/health?wait_for_status=yellow&timeout=5s"));
        }

        for (ChildJvm jvm : List.of(kafka.jvm(), es.jvm())) {
            assertFalse(jvm.isAlive(), jvm.toString());
            assertEquals(143, jvm.exitCode().orElseThrow(), jvm + " stopped by SIGTERM, not killed");
        }
        assertTrue(Files.exists(dataDir.resolve("kafka/kraft-logs/meta.properties")), "demo data is kept");
        assertTrue(Files.isDirectory(dataDir.resolve("elasticsearch/data")), "demo data is kept");
        assertTrue(Files.size(dataDir.resolve("kafka.log")) > 0);
        assertTrue(Files.size(dataDir.resolve("elasticsearch.log")) > 0);
    }

    private static int clusterSize(ServerEndpoints servers) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers.kafkaBootstrap());
        try (Admin admin = Admin.create(p)) {
            return admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size();
        }
    }

    private static int httpStatus(ServerEndpoints servers, String path) throws Exception {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            return http.send(HttpRequest.newBuilder(servers.elasticsearchUrl().resolve(path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
