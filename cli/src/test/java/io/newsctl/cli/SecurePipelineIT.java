package io.newsctl.cli;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsctl.embedded.EmbeddedKafka;
import io.newsctl.embedded.NewsServersExtension;
import io.newsctl.embedded.ServerEndpoints;
import io.newsctl.model.ModelJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline over a broker whose only client listener is SASL_SSL (SCRAM-SHA-512, certificate
 * made at test time): the four services, configured by environment variables only (password from
 * a file, CA as PEM), take the saved pages from ingest to searchable. A service given a wrong
 * password stops at start-up and says why.
 */
@ExtendWith(NewsServersExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurePipelineIT {
    private static final String USER = "news-pipeline";
    private static final String PASSWORD = "pipeline-" + UUID.randomUUID();
    private static final Path LOGS = Path.of("target/secure-pipeline-it-logs");
    /** Secrets every service is given; none may show up in a log or a health response. */
    private static final String ES_PASSWORD = "es-password-" + UUID.randomUUID();
    private static final String API_KEY = "api-admin-key-" + UUID.randomUUID();

    private EmbeddedKafka kafka;
    private DemoPipeline pipeline;
    private Map<String, String> env;

    @BeforeAll
    void start(ServerEndpoints servers, @TempDir Path dir) throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), LOGS.resolve("kafka.log"),
                EmbeddedKafka.Settings.defaults().withScramOverTls(Map.of(USER, PASSWORD), false));
        Path passwordFile = Files.writeString(dir.resolve("kafka-password"), PASSWORD + "\n");
        env = new HashMap<>(Map.of(
                "NEWS_KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "NEWS_KAFKA_SECURITY_USERNAME", USER,
                "NEWS_KAFKA_SECURITY_PASSWORD_FILE", passwordFile.toString(),
                "NEWS_KAFKA_SECURITY_TRUSTSTORE", kafka.certificates().orElseThrow().caPem().toString(),
                "NEWS_ELASTICSEARCH_ALIAS", "secure-pipeline-" + UUID.randomUUID().toString().substring(0, 8),
                // the test node has no security plugin and ignores credentials; they are here to be kept secret
                "NEWS_ELASTICSEARCH_USERNAME", "news-indexer",
                "NEWS_ELASTICSEARCH_PASSWORD", ES_PASSWORD,
                "NEWS_API_AUTH_ADMIN_KEYS", API_KEY,
                "LOGGER_LEVELS_IO_NEWSCTL", "DEBUG"));
        pipeline = DemoPipeline.start(new ServerEndpoints(kafka.bootstrapServers(), servers.elasticsearchUrl(),
                        servers.mode()),
                new DemoPipeline.Options(Path.of("../samples"), Path.of("../samples/rules"), DemoPipeline.freePort(),
                        LOGS, DemoPipeline.QUICK_START_JVM_OPTIONS, env));
    }

    @AfterAll
    void stop() {
        try {
            if (pipeline != null) {
                pipeline.close();
            }
        } finally {
            if (kafka != null) {
                kafka.close();
            }
        }
    }

    @Test
    void everyIngestedArticleIsSearchableAfterTravellingOverTlsAndScram() throws Exception {
        ServiceProcess index = pipeline.services().stream().filter(s -> s.name().equals("index")).findFirst()
                .orElseThrow();
        JsonNode all = ModelJson.mapper().readTree(index.get("/api/search?size=100").body());
        assertTrue(pipeline.articlesIngested() > 10, "articles ingested: " + pipeline.articlesIngested());
        assertEquals(pipeline.articlesIngested(), all.path("total").asInt());
        String log = Files.readString(index.logFile(), StandardCharsets.UTF_8);
        assertTrue(log.contains("SASL_SSL as user " + USER), "the index service connected as " + USER);
        assertFalse(log.contains(PASSWORD), "the password is not logged");
    }

    @Test
    void noSecretAppearsInAServiceLogOrHealthResponse() throws Exception {
        List<String> secrets = List.of(PASSWORD, ES_PASSWORD, API_KEY);
        for (ServiceProcess service : pipeline.services()) {
            String log = Files.readString(service.logFile(), StandardCharsets.UTF_8);
            assertTrue(log.contains("KafkaStartupCheck"), "the log of " + service.name() + " was captured");
            String health = service.get("/health").body();
            assertTrue(health.contains("UP"), service.name() + " health: " + health);
            for (String secret : secrets) {
                assertFalse(log.contains(secret), "a secret in the log of " + service.name());
                assertFalse(health.contains(secret), "a secret in the health output of " + service.name());
            }
            int env = service.get("/env").statusCode();
            assertTrue(env == 401 || env == 404, service.name() + " serves its configuration at /env: " + env);
        }
    }

    @Test
    void aServiceWithAWrongPasswordStopsAtStartUpSayingWhy() throws Exception {
        Map<String, String> wrong = new HashMap<>(env);
        wrong.remove("NEWS_KAFKA_SECURITY_PASSWORD_FILE");
        wrong.put("NEWS_KAFKA_SECURITY_PASSWORD", "not-the-password");
        wrong.put("NEWS_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        try (ServiceProcess ingest = ServiceProcess.start("ingest", DemoPipeline.freePort(), wrong,
                DemoPipeline.QUICK_START_JVM_OPTIONS, LOGS.resolve("wrong-password"))) {
            await().atMost(Duration.ofSeconds(90)).until(() -> !ingest.isAlive());
            assertTrue(ingest.exitCode().orElseThrow() != 0, "exit code " + ingest.exitCode());
            String log = Files.readString(ingest.logFile(), StandardCharsets.UTF_8);
            assertTrue(log.contains("Kafka authentication failed for user " + USER + " at " + kafka.bootstrapServers()),
                    log);
            assertFalse(log.contains("not-the-password"), "the password is not logged");
        }
    }
}
