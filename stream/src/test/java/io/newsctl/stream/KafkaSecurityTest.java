package io.newsctl.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaSecurityTest {

    @Test
    void plaintextSetsOnlyTheProtocol() {
        assertEquals(Map.of("security.protocol", "PLAINTEXT"), KafkaSecurity.PLAINTEXT.clientProperties());
        assertEquals(Map.of("security.protocol", "PLAINTEXT"),
                new KafkaSecurity(null, null, null, null, null, null, null, null, null, null, null, true).clientProperties());
    }

    @Test
    void scramOverTlsBuildsJaasTrustAndHostnameVerification() {
        Map<String, String> props = KafkaSecurity.scram("news-ingest", "p\"w\\1", Path.of("/certs/ca.pem"), null)
                .clientProperties();
        assertEquals("SASL_SSL", props.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", props.get("sasl.mechanism"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required username=\"news-ingest\""
                + " password=\"p\\\"w\\\\1\";", props.get("sasl.jaas.config"));
        assertEquals("/certs/ca.pem", props.get("ssl.truststore.location"));
        assertEquals("PEM", props.get("ssl.truststore.type"));
        assertFalse(props.containsKey("ssl.truststore.password"));
        assertEquals("https", props.get("ssl.endpoint.identification.algorithm"));
        // what Kafka itself makes of them: the JAAS config and the passwords are Password values
        AdminClientConfig parsed = new AdminClientConfig(Map.<String, Object>copyOf(props));
        assertTrue(parsed.values().get("sasl.jaas.config") instanceof Password);
        assertEquals("news-ingest", KafkaConnectionCheck.principal(props).substring("user ".length()));
    }

    @Test
    void theCommandLineReadsTheSameSettingsFromTheEnvironment(@TempDir Path dir) throws Exception {
        Path password = Files.writeString(dir.resolve("pw"), "from-file\n");
        KafkaSecurity security = KafkaSecurity.fromEnvironment(Map.of(
                "NEWS_KAFKA_SECURITY_PROTOCOL", "sasl_ssl",
                "NEWS_KAFKA_SECURITY_USERNAME", "cli",
                "NEWS_KAFKA_SECURITY_PASSWORD_FILE", password.toString(),
                "NEWS_KAFKA_SECURITY_TRUSTSTORE", "/ca.pem",
                "NEWS_KAFKA_SECURITY_VERIFY_HOSTNAME", "false"));
        assertEquals(KafkaSecurity.scram("cli", "from-file", Path.of("/ca.pem"), null).clientProperties().get("sasl.jaas.config"),
                security.clientProperties().get("sasl.jaas.config"));
        assertEquals("", security.clientProperties().get("ssl.endpoint.identification.algorithm"));
        assertEquals(KafkaSecurity.PLAINTEXT.clientProperties(), KafkaSecurity.fromEnvironment(Map.of()).clientProperties());
    }

    @Test
    void aKeystoreAddsMutualTls() {
        Map<String, String> props = new KafkaSecurity("ssl", null, null, null, Path.of("/t/trust.p12"), "tp", null,
                Path.of("/k/client.jks"), "kp", "keyp", null, false).clientProperties();
        assertEquals("SSL", props.get("security.protocol"));
        assertFalse(props.containsKey("sasl.jaas.config"));
        assertEquals("PKCS12", props.get("ssl.truststore.type"));
        assertEquals("tp", props.get("ssl.truststore.password"));
        assertEquals("/k/client.jks", props.get("ssl.keystore.location"));
        assertEquals("JKS", props.get("ssl.keystore.type"));
        assertEquals("kp", props.get("ssl.keystore.password"));
        assertEquals("keyp", props.get("ssl.key.password"));
        assertEquals("", props.get("ssl.endpoint.identification.algorithm"));
        assertEquals("the client certificate in /k/client.jks", KafkaConnectionCheck.principal(props));
    }

    @Test
    void unsafeOrIncompleteSettingsAreRefusedWithTheKeyToFix() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KafkaSecurity("SASL_PLAINTEXT", null, "u",
                "p", null, null, null, null, null, null, null, true)).getMessage().contains("SASL_SSL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> KafkaSecurity.scram("u", null, null, null))
                .getMessage().contains("news.kafka.security.username and a password"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KafkaSecurity("SASL_SSL", "PLAIN", "u",
                "p", null, null, null, null, null, null, null, true)).getMessage().contains("sasl-mechanism"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new KafkaSecurity("TLS", null, null,
                null, null, null, null, null, null, null, null, true)).getMessage().contains("PLAINTEXT, SSL or SASL_SSL"));
    }

    @Test
    void secretsComeFromFilesWithoutTheirLineBreakAndAreMaskedWhenPrinted(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("password"), "s3cr3t-from-file\n");
        assertEquals("s3cr3t-from-file", KafkaSecurity.secret("ignored", file.toString(), "x"));
        assertEquals("direct", KafkaSecurity.secret("direct", " ", "x"));
        assertEquals(null, KafkaSecurity.secret("", null, "x"));
        String missing = assertThrows(RuntimeException.class,
                () -> KafkaSecurity.secret(null, dir.resolve("nope").toString(), "news.kafka.security.password"))
                .getMessage();
        assertTrue(missing.contains("news.kafka.security.password") && missing.contains("nope"), missing);

        KafkaSecurity security = KafkaSecurity.scram("alice", "s3cr3t-from-file", Path.of("/t.p12"), "trust-pw")
                .withKeystore(Path.of("/k.p12"), "key-pw");
        String stage = StageSettings.of("s", "b:1", "g", "t").withClientOverrides(security.clientProperties()).toString();
        assertTrue(stage.contains("sasl.jaas.config") && !stage.contains("s3cr3t-from-file"), stage);
        String printed = security.toString();
        assertTrue(printed.contains("alice"), printed);
        for (String secret : new String[] {"s3cr3t-from-file", "trust-pw", "key-pw"}) {
            assertFalse(printed.contains(secret), printed);
        }
    }
}
