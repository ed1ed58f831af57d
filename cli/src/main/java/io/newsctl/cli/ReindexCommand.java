package io.newsctl.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.newsctl.index.EsClients;
import io.newsctl.index.EsConnection;
import io.newsctl.index.Reindexer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsctl reindex}: builds {@code <alias>-v<N+1>} from this build's mapping, copies the
 * current index into it and moves the alias, with searches and the indexer running throughout
 * (see {@link Reindexer} for the steps).
 */
@Command(name = "reindex", mixinStandardHelpOptions = true,
        description = {"Build the next version of the article index from the current mapping and switch the alias to it"
                + " with no downtime: writes move to the new index first, the old index is copied in (newer"
                + " documents win), then the alias stops reading the old index.",
                "Credentials come from NEWS_ELASTICSEARCH_API_KEY or NEWS_ELASTICSEARCH_USERNAME/PASSWORD."})
final class ReindexCommand implements Callable<Integer> {

    @Option(names = "--es-url", paramLabel = "URL", defaultValue = "${env:NEWS_ELASTICSEARCH_URL:-http://127.0.0.1:9200}",
            description = "Elasticsearch (default: $NEWS_ELASTICSEARCH_URL or ${DEFAULT-VALUE}).")
    String url;

    @Option(names = "--alias", defaultValue = "${env:NEWS_ELASTICSEARCH_ALIAS:-news-articles}",
            description = "The alias searched and written (default ${DEFAULT-VALUE}).")
    String alias;

    @Option(names = "--delete-old", description = "Delete the old index once the alias has moved (default: keep it).")
    boolean deleteOld;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        EsConnection connection = EsConnection.fromEnvironment(url, System.getenv());
        try (ElasticsearchClient client = EsClients.create(connection)) {
            Reindexer reindexer = new Reindexer(client);
            out.printf("Reindexing %s (now %s) …%n", alias, reindexer.writeIndex(alias));
            out.flush();
            Reindexer.Result result = reindexer.reindex(alias, deleteOld, copied -> {
                if (copied % 10_000 == 0) {
                    out.printf("  %,d documents copied%n", copied);
                    out.flush();
                }
            });
            out.printf("%s now points at %s: %,d documents copied from %s in %.1f s%s.%n", alias, result.to(),
                    result.copied(), result.from(), result.took().toMillis() / 1000.0,
                    deleteOld ? "; old index deleted" : "; old index kept (delete it when satisfied)");
            out.flush();
        }
        return 0;
    }
}
