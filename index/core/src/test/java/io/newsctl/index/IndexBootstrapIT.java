package io.newsctl.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.newsctl.embedded.NewsServersExtension;
import io.newsctl.embedded.ServerEndpoints;
import io.newsctl.index.bench.SyntheticArticles;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Start-up against an index created by an older build: new fields are added, documents still fit. */
@ExtendWith(NewsServersExtension.class)
class IndexBootstrapIT {

    @Test
    void anOlderIndexGetsTheNewFieldsOfThisBuild(ServerEndpoints servers) throws Exception {
        String alias = "bootstrap-it-" + UUID.randomUUID().toString().substring(0, 8);
        IndexLayout layout = new IndexLayout(alias, 1);
        try (ElasticsearchClient client = EsClients.create(EsConnection.of(servers.elasticsearchUrl().toString()));
             BulkWriter writer = new BulkWriter(client, layout)) {
            // as an earlier build made it: strict, without story_id
            client.indices().create(c -> c.index(layout.index())
                    .aliases(alias, a -> a.isWriteIndex(true))
                    .withJson(new StringReader("{\"settings\":{\"analysis\":{\"analyzer\":{\"news_segmented\":"
                            + "{\"type\":\"custom\",\"tokenizer\":\"whitespace\",\"filter\":[\"lowercase\"]}}}},"
                            + "\"mappings\":{\"dynamic\":\"strict\",\"properties\":{\"id\":{\"type\":\"keyword\"}}}}")));
            var document = new DocumentMapper().toDocument(new SyntheticArticles(3).article(0));
            assertEquals(BulkWriter.Status.REJECTED, writer.write(List.of(document)).get(0).status(),
                    "the old strict mapping refuses the new fields");

            new IndexBootstrap(client).ensure(layout);

            assertEquals(BulkWriter.Status.STORED, writer.write(List.of(document)).get(0).status());
            assertTrue(client.indices().getMapping(m -> m.index(layout.index())).get(layout.index())
                    .mappings().properties().containsKey("story_id"));
            client.indices().delete(d -> d.index(layout.index()));
        }
    }

    @Test
    void anIndexWithTheDroppedBodySubFieldStillStartsAndGetsTheMergePolicy(ServerEndpoints servers) throws Exception {
        String alias = "bootstrap-std-it-" + UUID.randomUUID().toString().substring(0, 8);
        IndexLayout layout = new IndexLayout(alias, 1);
        try (ElasticsearchClient client = EsClients.create(EsConnection.of(servers.elasticsearchUrl().toString()));
             BulkWriter writer = new BulkWriter(client, layout)) {
            IndexBootstrap bootstrap = new IndexBootstrap(client);
            bootstrap.putTemplates(layout);
            // as the previous build made it: body with a character-level `std` sub-field, ES's merge defaults
            client.indices().create(c -> c.index(layout.index())
                    .aliases(alias, a -> a.isWriteIndex(true))
                    .withJson(new StringReader("{\"settings\":{\"index\":{\"merge.policy.floor_segment\":\"16mb\"}},"
                            + "\"mappings\":{\"properties\":{\"body\":{\"type\":\"text\","
                            + "\"analyzer\":\"news_segmented\",\"index_options\":\"offsets\","
                            + "\"fields\":{\"std\":{\"type\":\"text\",\"analyzer\":\"standard\"}}}}}}")));

            bootstrap.ensure(layout);

            var document = new DocumentMapper().toDocument(new SyntheticArticles(3).article(0));
            assertEquals(BulkWriter.Status.STORED, writer.write(List.of(document)).get(0).status());
            var body = client.indices().getMapping(m -> m.index(layout.index())).get(layout.index())
                    .mappings().properties().get("body").text();
            assertTrue(body.fields().containsKey("std"), "the older index keeps its sub-field until a reindex");
            assertEquals("2mb", client.indices().getSettings(g -> g.index(layout.index()).flatSettings(true))
                    .get(layout.index()).settings().otherSettings().get("index.merge.policy.floor_segment").to(String.class),
                    "the merge policy of this build is put on the older index");

            // a new version (what `newsctl reindex` builds) comes from the template: no body.std
            IndexLayout next = layout.next();
            bootstrap.createIndex(next, false);
            var newBody = client.indices().getMapping(m -> m.index(next.index())).get(next.index())
                    .mappings().properties().get("body").text();
            assertFalse(newBody.fields().containsKey("std"));
            client.indices().delete(d -> d.index(layout.index(), next.index()));
        }
    }
}
