package io.newsctl.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsctl.embedded.NewsServersExtension;
import io.newsctl.embedded.ServerEndpoints;
import io.newsctl.index.DocumentMapper.IndexDocument;
import io.newsctl.index.bench.SyntheticArticles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code newsctl reindex} on a real node: the alias moves to {@code -v2} atomically, every document
 * is copied, and writes made through the alias while the copy runs (a new article, an updated one
 * not yet copied) survive it.
 */
@ExtendWith(NewsServersExtension.class)
class ReindexerIT {

    @Test
    void buildsTheNextVersionAndSwitchesTheAliasWithoutLosingLiveWrites(ServerEndpoints servers) throws Exception {
        String alias = "reindex-it-" + UUID.randomUUID().toString().substring(0, 8);
        IndexLayout layout = new IndexLayout(alias, 1);
        try (ElasticsearchClient client = EsClients.create(EsConnection.of(servers.elasticsearchUrl().toString()));
             BulkWriter writer = new BulkWriter(client, layout)) {
            new IndexBootstrap(client).ensure(layout);
            SyntheticArticles generator = new SyntheticArticles(5);
            DocumentMapper mapper = new DocumentMapper();
            List<IndexDocument> documents = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                documents.add(mapper.toDocument(generator.article(i)));
            }
            writer.write(documents);
            // a document written before story_id existed: the copy fills it in
            Map<String, Object> old = new HashMap<>(documents.get(0).source());
            old.remove("story_id");
            writer.write(List.of(new IndexDocument(documents.get(0).id(), old)));
            client.indices().refresh(r -> r.index(alias));

            IndexDocument fresh = mapper.toDocument(generator.article(1000));
            Map<String, Object> changed = new HashMap<>(documents.get(249).source());
            changed.put("title", "更新后的标题");
            AtomicBoolean wroteDuringCopy = new AtomicBoolean();
            Reindexer reindexer = new Reindexer(client, BulkWriter.Settings.DEFAULT, 50);
            assertEquals(layout.index(), reindexer.writeIndex(alias));

            Reindexer.Result result = reindexer.reindex(alias, false, copied -> {
                if (copied == 50 && !wroteDuringCopy.getAndSet(true)) {
                    try {
                        writer.write(List.of(fresh, new IndexDocument(documents.get(249).id(), changed)));
                    } catch (BulkWriter.UnavailableException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });

            assertTrue(wroteDuringCopy.get());
            assertEquals(alias + "-v1", result.from());
            assertEquals(alias + "-v2", result.to());
            assertEquals(250, result.copied());
            assertEquals(Map.of(alias + "-v2", true), aliasHolders(client, alias));
            client.indices().refresh(r -> r.index(alias));
            assertEquals(251, client.count(c -> c.index(alias)).count());
            ObjectNode updated = client.get(g -> g.index(alias).id(documents.get(249).id()), ObjectNode.class).source();
            assertEquals("更新后的标题", updated.path("title").asText());
            ObjectNode upgraded = client.get(g -> g.index(alias).id(documents.get(0).id()), ObjectNode.class).source();
            assertFalse(upgraded.path("story_id").asText().isEmpty());
            assertTrue(client.indices().exists(e -> e.index(alias + "-v1")).value(), "old index kept by default");

            Reindexer.Result again = reindexer.reindex(alias, true, copied -> { });
            assertEquals(alias + "-v3", again.to());
            assertFalse(client.indices().exists(e -> e.index(alias + "-v2")).value(), "--delete-old removes it");
            client.indices().delete(d -> d.index(alias + "-v1", alias + "-v3"));
        }
    }

    private static Map<String, Boolean> aliasHolders(ElasticsearchClient client, String alias) throws Exception {
        Map<String, Boolean> holders = new HashMap<>();
        client.indices().getAlias(a -> a.name(alias)).aliases().forEach((index, aliases) ->
                holders.put(index, Boolean.TRUE.equals(aliases.aliases().get(alias).isWriteIndex())));
        return holders;
    }
}
