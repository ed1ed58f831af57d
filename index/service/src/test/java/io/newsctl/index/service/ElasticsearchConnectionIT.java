package io.newsctl.index.service;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.newsctl.embedded.NewsServersExtension;
import io.newsctl.embedded.ServerEndpoints;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What can be shown against the real test node, which runs without the security plugin (see the
 * README's Security section): a TLS mismatch stops the index service at start-up at once, naming
 * the settings to check, instead of being retried as "not reachable yet" for 90 s.
 */
@ExtendWith(NewsServersExtension.class)
class ElasticsearchConnectionIT {

    @Test
    void aTlsMismatchStopsTheServiceAtStartUpSayingWhy(ServerEndpoints servers) {
        String https = servers.elasticsearchUrl().toString().replaceFirst("^http:", "https:");
        long started = System.nanoTime();
        RuntimeException e = assertThrows(RuntimeException.class, () -> ApplicationContext.run(EmbeddedServer.class,
                Map.of("micronaut.server.port", -1,
                        "news.kafka.bootstrap-servers", servers.kafkaBootstrap(),
                        "news.elasticsearch.url", https,
                        "news.elasticsearch.username", "news-indexer",
                        "news.elasticsearch.password", "indexer-secret",
                        "news.elasticsearch.ca-fingerprint", "ab".repeat(32),
                        "news.consumers.enabled", false)).close());
        long seconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();
        String messages = chain(e);
        assertTrue(messages.contains("TLS handshake with Elasticsearch at " + https + " failed"), messages);
        assertTrue(messages.contains("ca-fingerprint"), messages);
        assertTrue(!messages.contains("indexer-secret"), messages);
        assertTrue(seconds < 30, "took " + seconds + " s");
    }

    private static String chain(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
