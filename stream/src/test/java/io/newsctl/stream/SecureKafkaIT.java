package io.newsctl.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.newsctl.embedded.EmbeddedKafka;
import io.newsctl.embedded.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clients' security settings against a real broker whose only client listener is SASL_SSL
 * (SCRAM-SHA-512) and that also requires a client certificate (mutual TLS): records flow with the
 * right settings; a wrong password, a missing client certificate and an untrusted broker are each
 * reported at once with what to check.
 */
class SecureKafkaIT {
    private static final String USER = "news-stream";
    private static final String PASSWORD = "stream-secret-" + System.nanoTime();
    private static final Duration CHECK = Duration.ofSeconds(20);

    @TempDir
    static Path dir;
    private static EmbeddedKafka kafka;
    private static TestCertificates tls;

    @BeforeAll
    static void startSecureBroker() {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"), dir.resolve("kafka.log"),
                EmbeddedKafka.Settings.defaults().withScramOverTls(Map.of(USER, PASSWORD), true));
        tls = kafka.certificates().orElseThrow();
    }

    @AfterAll
    static void stop() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static KafkaSecurity security(String password) {
        // the CA as a PEM file and the client certificate as PKCS12: what a Kubernetes Secret mounts
        return KafkaSecurity.scram(USER, password, tls.caPem(), null)
                .withKeystore(tls.clientKeystore(), tls.password());
    }

    @Test
    void recordsFlowThroughAStageOverScramAndMutualTls() throws Exception {
        Map<String, String> client = security(PASSWORD).clientProperties();
        assertEquals(1, KafkaConnectionCheck.verify(kafka.bootstrapServers(), client, CHECK));
        TopicAdmin.ensure(kafka.bootstrapServers(), client, List.of(new TopicAdmin.TopicSpec("secure-in", 2, Map.of()),
                new TopicAdmin.TopicSpec("secure-in.dlq", 1, Map.of())), CHECK);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                KafkaClientConfig.producer("secure-it", kafka.bootstrapServers(), client))) {
            for (int i = 0; i < 20; i++) {
                producer.send(new ProducerRecord<>("secure-in", ("k" + i).getBytes(UTF_8), ("v" + i).getBytes(UTF_8)));
            }
            producer.flush();
        }
        Set<String> seen = ConcurrentHashMap.newKeySet();
        StageSettings settings = StageSettings.of("secure", kafka.bootstrapServers(), "secure-group", "secure-in")
                .withClientOverrides(client);
        try (StageRunner runner = new StageRunner(settings, batch -> {
            batch.forEach(r -> seen.add(new String(r.value(), UTF_8)));
            return List.of();
        }, new SimpleMeterRegistry())) {
            runner.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> seen.size() == 20);
        }
    }

    @Test
    void aWrongPasswordFailsAtOnceNamingTheUserAndTheBroker() {
        long started = System.nanoTime();
        KafkaConnectionCheck.KafkaConnectionException e = assertThrows(KafkaConnectionCheck.KafkaConnectionException.class,
                () -> KafkaConnectionCheck.verify(kafka.bootstrapServers(), security("wrong").clientProperties(), CHECK));
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        assertTrue(e.getMessage().startsWith("Kafka authentication failed for user " + USER + " at "
                + kafka.bootstrapServers()), e.getMessage());
        assertTrue(seconds < 10, "took " + seconds + " s");
        assertTrue(!e.getMessage().contains("wrong"), "the password is not in the message: " + e.getMessage());
    }

    @Test
    void withoutTheClientCertificateOrTrustTheTlsHandshakeFails() {
        KafkaSecurity noClientCertificate = KafkaSecurity.scram(USER, PASSWORD, tls.caPem(), null);
        String message = assertThrows(KafkaConnectionCheck.KafkaConnectionException.class,
                () -> KafkaConnectionCheck.verify(kafka.bootstrapServers(), noClientCertificate.clientProperties(),
                        CHECK)).getMessage();
        assertTrue(message.startsWith("TLS handshake with Kafka at " + kafka.bootstrapServers() + " failed"), message);

        KafkaSecurity defaultTrust = new KafkaSecurity("SASL_SSL", null, USER, PASSWORD, null, null, null,
                tls.clientKeystore(), tls.password(), null, null, true);
        message = assertThrows(KafkaConnectionCheck.KafkaConnectionException.class,
                () -> KafkaConnectionCheck.verify(kafka.bootstrapServers(), defaultTrust.clientProperties(), CHECK))
                .getMessage();
        assertTrue(message.contains("TLS handshake") && message.contains("news.kafka.security.truststore"), message);
    }
}
