package io.newsctl.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsctl.model.ModelJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;

/**
 * Creates what the article index needs, idempotently: a component template (settings and
 * mappings), a composable index template over {@code <alias>-v*}, and — when the alias does not
 * exist yet — the first concrete index with the alias on it. Safe to run from every instance at
 * start-up, concurrently.
 */
public final class IndexBootstrap {
    /**
     * Settings of schema.json put on older indices too: the merge policy (dynamic). Others, such as
     * the refresh interval, stay as they are on a live index, where ops may have changed them.
     */
    private static final String LIVE_SETTINGS_PREFIX = "merge.policy.";

    private final ElasticsearchClient client;

    public IndexBootstrap(ElasticsearchClient client) {
        this.client = client;
    }

    public void ensure(IndexLayout layout) throws IOException {
        putTemplates(layout);
        if (client.indices().existsAlias(a -> a.name(layout.alias())).value()) {
            addNewFields(layout);
            return;
        }
        createIndex(layout, true);
    }

    /**
     * Puts this build's mappings on the indices behind the alias, so fields added since they were
     * created (e.g. {@code story_id}) are accepted rather than refused by the strict mapping. Only
     * additions succeed; a changed field type is reported with the way out (a reindex). A sub-field
     * this build no longer has (e.g. {@code body.std}) stays on the older index, unused, until a
     * reindex. The merge policy of this build is put on them too.
     */
    void addNewFields(IndexLayout layout) throws IOException {
        JsonNode template;
        try (InputStream schema = resource("schema.json")) {
            template = ModelJson.mapper().readTree(schema).path("template");
        }
        String mappings = ModelJson.mapper().writeValueAsString(template.path("mappings"));
        try {
            client.indices().putMapping(p -> p.index(layout.alias())
                    .withJson(new StringReader(mappings)));
        } catch (ElasticsearchException e) {
            throw new IllegalStateException("the index behind " + layout.alias() + " has a mapping this build cannot"
                    + " extend (" + e.error().reason() + "); run `newsctl reindex` to build a new version", e);
        }
        ObjectNode dynamic = ModelJson.mapper().createObjectNode();
        template.path("settings").path("index").properties().forEach(setting -> {
            if (setting.getKey().startsWith(LIVE_SETTINGS_PREFIX)) {
                dynamic.set(setting.getKey(), setting.getValue());
            }
        });
        String settings = ModelJson.mapper().writeValueAsString(ModelJson.mapper().createObjectNode().set("index", dynamic));
        client.indices().putSettings(p -> p.index(layout.alias()).withJson(new StringReader(settings)));
    }

    /** Puts the component and index templates (overwriting older versions of them). */
    public void putTemplates(IndexLayout layout) throws IOException {
        try (InputStream schema = resource("schema.json")) {
            client.cluster().putComponentTemplate(c -> c.name(layout.schemaComponent()).withJson(schema));
        }
        client.indices().putIndexTemplate(t -> t
                .name(layout.template())
                .indexPatterns(layout.indexPattern())
                .composedOf(layout.schemaComponent())
                .priority(200L));
    }

    /** Creates the concrete index of {@code layout}; with {@code withAlias}, the alias points at it. */
    public void createIndex(IndexLayout layout, boolean withAlias) throws IOException {
        try {
            client.indices().create(c -> {
                c.index(layout.index());
                if (withAlias) {
                    c.aliases(layout.alias(), a -> a.isWriteIndex(true));
                }
                return c;
            });
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            // another instance won the race; make sure the alias exists
            if (withAlias && !client.indices().existsAlias(a -> a.name(layout.alias())).value()) {
                client.indices().putAlias(a -> a.index(layout.index()).name(layout.alias()).isWriteIndex(true));
            }
        }
    }

    private static InputStream resource(String name) {
        InputStream in = IndexBootstrap.class.getResourceAsStream("es/" + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("missing resource es/" + name));
        }
        return in;
    }
}
