package io.newsctl.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import co.elastic.clients.elasticsearch.indices.get_alias.IndexAliases;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsctl.index.DocumentMapper.IndexDocument;
import io.newsctl.model.ModelJson;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the next version of the article index from the current mapping and moves the alias to
 * it, with no moment where searches fail or writes are lost:
 * <ol>
 *   <li>put the templates of this build and create {@code <alias>-v<N+1>} from them;</li>
 *   <li>in one {@code _aliases} call, add the alias to the new index as its write index (the old
 *       one stays readable): from now on the indexer writes into the new index;</li>
 *   <li>copy every document of the old index (point in time + {@code search_after} + bulk
 *       {@code create}, so a newer copy the indexer wrote meanwhile wins) — the embedded node has
 *       no {@code _reindex}, a stock cluster would not need it either;</li>
 *   <li>refresh, then in one {@code _aliases} call remove the alias from the old index;</li>
 *   <li>optionally delete the old index (kept by default, for a quick way back).</li>
 * </ol>
 * During the copy a search through the alias can see an article twice (old and new index); the
 * default collapse on {@code story_id} folds such pairs.
 */
public final class Reindexer {
    private static final String KEEP_ALIVE = "5m";

    /** What a reindex did. */
    public record Result(String from, String to, long copied, Duration took) {
    }

    private final ElasticsearchClient client;
    private final BulkWriter.Settings bulk;
    private final int page;

    public Reindexer(ElasticsearchClient client) {
        this(client, BulkWriter.Settings.DEFAULT, 1000);
    }

    /** @param page documents read from the old index per request */
    public Reindexer(ElasticsearchClient client, BulkWriter.Settings bulk, int page) {
        this.client = client;
        this.bulk = bulk.withCreateOnly(true);
        this.page = page;
    }

    /** The index the alias writes to, or null when the alias does not exist. */
    public String writeIndex(String alias) throws IOException {
        if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
            return null;
        }
        GetAliasResponse response = client.indices().getAlias(a -> a.name(alias));
        String only = null;
        for (Map.Entry<String, IndexAliases> entry : response.aliases().entrySet()) {
            var definition = entry.getValue().aliases().get(alias);
            if (definition != null && Boolean.TRUE.equals(definition.isWriteIndex())) {
                return entry.getKey();
            }
            only = entry.getKey();
        }
        return response.aliases().size() == 1 ? only : null;
    }

    public Result reindex(String alias, boolean deleteOld, LongConsumer progress) throws IOException {
        long started = System.nanoTime();
        String current = writeIndex(alias);
        if (current == null) {
            throw new IllegalStateException("alias " + alias + " does not exist or has no write index;"
                    + " start the index service once to create it");
        }
        List<String> holders = new ArrayList<>(client.indices().getAlias(a -> a.name(alias)).aliases().keySet());
        int next = highestVersion(alias) + 1;
        IndexLayout layout = new IndexLayout(alias, next);
        IndexBootstrap bootstrap = new IndexBootstrap(client);
        bootstrap.putTemplates(layout);
        bootstrap.createIndex(layout, false);
        // writes move to the new index; reads still see the old one
        client.indices().updateAliases(u -> {
            u.actions(a -> a.add(add -> add.index(layout.index()).alias(alias).isWriteIndex(true)));
            for (String holder : holders) {
                u.actions(a -> a.add(add -> add.index(holder).alias(alias).isWriteIndex(false)));
            }
            return u;
        });
        long copied = copy(current, layout.index(), progress);
        client.indices().refresh(r -> r.index(layout.index()));
        client.indices().updateAliases(u -> {
            for (String holder : holders) {
                u.actions(a -> a.remove(remove -> remove.index(holder).alias(alias)));
            }
            return u;
        });
        if (deleteOld) {
            client.indices().delete(d -> d.index(holders));
        }
        return new Result(current, layout.index(), copied, Duration.ofNanos(System.nanoTime() - started));
    }

    /** Highest {@code N} of the existing {@code <alias>-vN} indices (0 when there are none). */
    int highestVersion(String alias) throws IOException {
        Pattern name = Pattern.compile(Pattern.quote(alias) + "-v(\\d+)");
        int highest = 0;
        var indices = client.indices().get(g -> g.index(alias + "-v*").allowNoIndices(true)).indices().keySet();
        for (String index : indices) {
            Matcher m = name.matcher(index);
            if (m.matches()) {
                highest = Math.max(highest, Integer.parseInt(m.group(1)));
            }
        }
        return highest;
    }

    private long copy(String from, String to, LongConsumer progress) throws IOException {
        String pit = client.openPointInTime(p -> p.index(from).keepAlive(k -> k.time(KEEP_ALIVE))).id();
        long copied = 0;
        try (BulkWriter writer = new BulkWriter(client, to, false, bulk)) {
            List<FieldValue> after = null;
            while (true) {
                List<FieldValue> from0 = after;
                String pitId = pit;
                SearchResponse<ObjectNode> response = client.search(s -> {
                    s.pit(p -> p.id(pitId).keepAlive(k -> k.time(KEEP_ALIVE)))
                            .size(page)
                            .trackTotalHits(t -> t.enabled(false))
                            .sort(SortOptions.of(o -> o.field(f -> f.field("_shard_doc"))));
                    if (from0 != null) {
                        s.searchAfter(from0);
                    }
                    return s;
                }, ObjectNode.class);
                if (response.pitId() != null) {
                    pit = response.pitId();
                }
                List<Hit<ObjectNode>> hits = response.hits().hits();
                if (hits.isEmpty()) {
                    break;
                }
                List<IndexDocument> documents = new ArrayList<>(hits.size());
                for (Hit<ObjectNode> hit : hits) {
                    documents.add(new IndexDocument(hit.id(), upgrade(hit.id(), hit.source())));
                }
                List<BulkWriter.ItemResult> results;
                try {
                    results = writer.write(documents);
                } catch (BulkWriter.UnavailableException e) {
                    throw new IOException("copy into " + to + " failed: " + e.getMessage(), e);
                }
                for (BulkWriter.ItemResult result : results) {
                    if (result.status() == BulkWriter.Status.REJECTED) {
                        throw new IOException("document " + result.id() + " does not fit the new mapping: "
                                + result.errorType() + ": " + result.reason()
                                + " (the alias still reads from both; fix the mapping and run again)");
                    }
                }
                copied += hits.size();
                progress.accept(copied);
                after = hits.get(hits.size() - 1).sort();
            }
        } finally {
            String id = pit;
            try {
                client.closePointInTime(c -> c.id(id));
            } catch (IOException | RuntimeException e) {
                // expires by itself
            }
        }
        return copied;
    }

    /** Fills fields older documents lack (documents from before {@code story_id} existed). */
    static Map<String, Object> upgrade(String id, ObjectNode source) {
        Map<String, Object> doc = ModelJson.mapper().convertValue(source, new TypeReference<Map<String, Object>>() {
        });
        if (!doc.containsKey("story_id")) {
            Object duplicateOf = doc.get("duplicate_of");
            doc.put("story_id", duplicateOf instanceof String s && !s.isBlank() ? s : id);
        }
        return doc;
    }
}
