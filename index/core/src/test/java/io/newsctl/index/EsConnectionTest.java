package io.newsctl.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.embedded.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Elasticsearch connection settings: secrets from files, CA trust, refusals that name the setting. */
class EsConnectionTest {

    @Test
    void secretsComeFromFilesAndAreNeverPrinted(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("api-key"), "ZXM6a2V5LWZyb20tZmlsZQ==\n");
        Path password = Files.writeString(dir.resolve("password"), "pw-from-file");
        EsConnection withKey = EsConnection.fromEnvironment("https://es:9200", Map.of(
                "NEWS_ELASTICSEARCH_API_KEY", "ignored-when-a-file-is-given",
                "NEWS_ELASTICSEARCH_API_KEY_FILE", key.toString()));
        assertEquals("ZXM6a2V5LWZyb20tZmlsZQ==", withKey.apiKey());
        assertEquals("the configured API key", withKey.principal());

        EsConnection basic = EsConnection.fromEnvironment("https://es:9200", Map.of(
                "NEWS_ELASTICSEARCH_USERNAME", "news-indexer",
                "NEWS_ELASTICSEARCH_PASSWORD_FILE", password.toString(),
                "NEWS_ELASTICSEARCH_CA_FINGERPRINT", "AA:".repeat(31) + "AA"));
        assertEquals("pw-from-file", basic.password());
        assertEquals("a".repeat(64), basic.caFingerprint());
        assertFalse(basic.toString().contains("pw-from-file") || withKey.toString().contains("a2V5"), basic.toString());
        assertTrue(basic.toString().contains("news-indexer"));
    }

    @Test
    void contradictoryOrIncompleteSettingsAreRefused() {
        String both = assertThrows(IllegalArgumentException.class, () -> new EsConnection("https://es:9200", null, null,
                null, "/ca.pem", "a".repeat(64))).getMessage();
        assertTrue(both.contains("not both"), both);
        String http = assertThrows(IllegalArgumentException.class, () -> new EsConnection("http://es:9200", null, null,
                null, "/ca.pem", null)).getMessage();
        assertTrue(http.contains("https://"), http);
        assertThrows(IllegalArgumentException.class, () -> new EsConnection("https://es:9200", null, null, null, null,
                "not-a-fingerprint"));
        String noPassword = assertThrows(IllegalArgumentException.class, () -> new EsConnection("https://es:9200", null,
                "user", null)).getMessage();
        assertTrue(noPassword.contains("password-file"), noPassword);
    }

    @Test
    void httpsTrustsTheGivenCaFileOrFingerprintElseTheJvmDefaults(@TempDir Path dir) {
        TestCertificates tls = TestCertificates.create(dir);
        assertNotNull(EsClients.sslContext(new EsConnection("https://127.0.0.1:9200", null, null, null,
                tls.caPem().toString(), null)));
        assertNotNull(EsClients.sslContext(new EsConnection("https://127.0.0.1:9200", null, null, null, null,
                tls.caFingerprint())));
        assertNull(EsClients.sslContext(EsConnection.of("https://127.0.0.1:9200")));
        assertThrows(RuntimeException.class, () -> EsClients.sslContext(new EsConnection("https://127.0.0.1:9200",
                null, null, null, dir.resolve("missing.pem").toString(), null)));
    }
}
