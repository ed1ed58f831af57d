package io.newsctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.newsctl.embedded.NewsServersExtension;
import io.newsctl.embedded.ServerEndpoints;
import io.newsctl.index.EsClients;
import io.newsctl.index.EsConnection;
import io.newsctl.index.IndexBootstrap;
import io.newsctl.index.IndexLayout;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Smoke runs of {@code newsctl bench-index} and {@code newsctl reindex} against the test servers. */
@ExtendWith(NewsServersExtension.class)
class IndexCommandsIT {

    @Test
    void benchIndexPrintsBothRatesAndSearchLatency(ServerEndpoints servers) {
        String output = CliRun.run("bench-index", "--articles", "300", "--queries", "20", "--warmup", "5",
                "--es-url", servers.elasticsearchUrl().toString(), "--data-dir", "target/bench-it");
        Matcher ratio = Pattern.compile("indexer / raw _bulk = ([0-9.]+)").matcher(output);
        assertTrue(ratio.find(), output);
        assertTrue(Double.parseDouble(ratio.group(1)) > 0, output);
        assertTrue(output.matches("(?s).*p50 [0-9.]+ ms\\s+p95 [0-9.]+ ms.*"), output);
    }

    @Test
    void reindexMovesTheAliasToTheNextVersion(ServerEndpoints servers) throws Exception {
        String alias = "cli-reindex-" + UUID.randomUUID().toString().substring(0, 8);
        try (ElasticsearchClient client = EsClients.create(EsConnection.of(servers.elasticsearchUrl().toString()))) {
            new IndexBootstrap(client).ensure(new IndexLayout(alias, 1));
            String output = CliRun.run("reindex", "--es-url", servers.elasticsearchUrl().toString(), "--alias", alias,
                    "--delete-old");
            assertTrue(output.contains(alias + " now points at " + alias + "-v2"), output);
            assertEquals(java.util.Set.of(alias + "-v2"),
                    client.indices().getAlias(a -> a.name(alias)).aliases().keySet());
            client.indices().delete(d -> d.index(alias + "-v2"));
        }
    }
}
