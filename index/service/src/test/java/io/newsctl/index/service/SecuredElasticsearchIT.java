package io.newsctl.index.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.newsctl.embedded.NewsServersExtension;
import io.newsctl.embedded.ServerEndpoints;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The index service against an Elasticsearch node with security on (HTTPS with the certificates the
 * official image makes at first start, the {@code elastic} user's password set): the right
 * password and the node's CA file let it start and create its index; a wrong password stops it at
 * start-up with the 401 explained and the password nowhere in the message.
 *
 * <p>Needs a Docker engine: the embedded test node cannot load the security plugin (README,
 * "Security"), so without Docker this class is skipped.
 */
@ExtendWith(NewsServersExtension.class)
class SecuredElasticsearchIT {
    private static final DockerImageName IMAGE = DockerImageName.parse("elasticsearch:9.5.3");
    private static final String PASSWORD = "pw-" + UUID.randomUUID();
    private static GenericContainer<?> node;
    private static Path caFile;

    @BeforeAll
    static void startSecuredNode(@TempDir Path dir) {
        assumeTrue(dockerAvailable(), "needs a Docker engine for an Elasticsearch node with security on");
        node = new GenericContainer<>(IMAGE)
                .withEnv("discovery.type", "single-node")
                .withEnv("ELASTIC_PASSWORD", PASSWORD)
                .withEnv("cluster.routing.allocation.disk.threshold_enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
                .withExposedPorts(9200)
                // security on: HTTPS with a self-signed CA, and 401 until a user is given
                .waitingFor(Wait.forHttps("/").allowInsecure().forStatusCode(401)
                        .withStartupTimeout(Duration.ofMinutes(3)));
        node.start();
        caFile = dir.resolve("http_ca.crt");
        node.copyFileFromContainer("/usr/share/elasticsearch/config/certs/http_ca.crt", caFile.toString());
    }

    @AfterAll
    static void stopSecuredNode() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    void theRightPasswordAndTheNodesCaLetTheServiceStartAndCreateItsIndex(ServerEndpoints servers) {
        try (EmbeddedServer service = ApplicationContext.run(EmbeddedServer.class, settings(servers, PASSWORD))) {
            assertTrue(service.isRunning());
        }
    }

    @Test
    void aWrongPasswordStopsTheServiceAtStartUpSayingWhy(ServerEndpoints servers) {
        String wrong = "wrong-" + UUID.randomUUID();
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> ApplicationContext.run(EmbeddedServer.class, settings(servers, wrong)).close());
        String messages = chain(e);
        assertTrue(messages.contains("HTTP 401"), messages);
        assertFalse(messages.contains(wrong), messages);
    }

    private static Map<String, Object> settings(ServerEndpoints servers, String password) {
        Map<String, Object> settings = new HashMap<>();
        settings.put("micronaut.server.port", -1);
        settings.put("news.kafka.bootstrap-servers", servers.kafkaBootstrap());
        settings.put("news.elasticsearch.url", "https://" + node.getHost() + ":" + node.getMappedPort(9200));
        settings.put("news.elasticsearch.username", "elastic");
        settings.put("news.elasticsearch.password", password);
        settings.put("news.elasticsearch.ca-file", caFile.toString());
        settings.put("news.elasticsearch.alias", "secured-" + UUID.randomUUID().toString().substring(0, 8));
        settings.put("news.consumers.enabled", false);
        return settings;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String chain(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
