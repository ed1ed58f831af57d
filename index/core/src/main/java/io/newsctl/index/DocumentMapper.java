package io.newsctl.index;

import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.Entity;
import io.newsctl.model.EntityType;
import io.newsctl.model.Figure;
import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import io.newsctl.model.SegmentedText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns an enriched article into the Elasticsearch document of {@code mappings.json}. Pure: no I/O,
 * same input → same document, so re-indexing is idempotent.
 */
public final class DocumentMapper {

    /** A document ready for the bulk API. */
    public record IndexDocument(String id, Map<String, Object> source) {
        /** The source as JSON, as the bulk request sends it. */
        public byte[] json() {
            return ModelJson.encode(source);
        }
    }

    public IndexDocument toDocument(EnrichedArticle enriched) {
        RawArticle article = enriched.article();
        SegmentedText segmented = enriched.segmented();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", article.id());
        doc.put("url", article.url());
        doc.put("site", article.site());
        doc.put("source", article.source());
        doc.put("profile", article.profile());
        doc.put("language", article.language());
        doc.put("title", segmented != null && segmented.title() != null ? segmented.title() : article.title());
        doc.put("summary", segmented != null && segmented.summary() != null ? segmented.summary() : article.summary());
        doc.put("body", segmented != null && segmented.body() != null ? segmented.body() : article.body());
        doc.put("author", article.author());
        doc.put("original_source", article.originalSource());
        doc.put("published_at", article.publishedAt() == null ? null : article.publishedAt().toString());
        doc.put("fetched_at", article.fetchedAt() == null ? null : article.fetchedAt().toString());
        doc.put("enriched_at", enriched.enrichedAt() == null ? null : enriched.enrichedAt().toString());
        doc.put("content_hash", article.contentHash());
        doc.put("duplicate_of", article.duplicateOf());
        // reposts and their original share a story id: search collapses on it
        doc.put("story_id", article.duplicateOf() != null && !article.duplicateOf().isBlank()
                ? article.duplicateOf() : article.id());
        doc.put("companies", names(enriched.entities(), EntityType.COMPANY, Entity::canonical));
        doc.put("company_ids", names(enriched.entities(), EntityType.COMPANY, Entity::id));
        doc.put("chips", names(enriched.entities(), EntityType.CHIP, Entity::canonical));
        doc.put("chip_ids", names(enriched.entities(), EntityType.CHIP, Entity::id));
        doc.put("chip_vendors", names(enriched.entities(), EntityType.CHIP, Entity::vendor));
        doc.put("people", names(enriched.entities(), EntityType.PERSON, Entity::canonical));
        doc.put("places", names(enriched.entities(), EntityType.PLACE, Entity::canonical));
        doc.put("organizations", names(enriched.entities(), EntityType.ORGANIZATION, Entity::canonical));
        doc.put("tags", enriched.tags());
        doc.put("keywords", enriched.keywords());
        doc.put("digest", enriched.digest());
        doc.put("extractor", enriched.extractor());
        doc.put("entities", entities(enriched.entities()));
        doc.put("evidence", enriched.evidence());
        doc.put("figures", figures(enriched.figures()));
        doc.values().removeIf(v -> v == null);
        return new IndexDocument(article.id(), doc);
    }

    private static List<String> names(List<Entity> entities, EntityType type, Function<Entity, String> field) {
        Set<String> names = new LinkedHashSet<>();
        for (Entity entity : entities) {
            if (entity.type() == type) {
                String name = field.apply(entity);
                if (name != null && !name.isBlank()) {
                    names.add(name);
                }
            }
        }
        return List.copyOf(names);
    }

    private static List<Map<String, Object>> entities(List<Entity> entities) {
        List<Map<String, Object>> out = new ArrayList<>(entities.size());
        for (Entity entity : entities) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("type", entity.type().name());
            e.put("name", entity.name());
            e.put("canonical", entity.canonical());
            e.put("id", entity.id());
            e.put("vendor", entity.vendor());
            e.put("count", entity.count());
            e.values().removeIf(v -> v == null);
            out.add(e);
        }
        return out;
    }

    private static List<Map<String, Object>> figures(List<Figure> figures) {
        List<Map<String, Object>> out = new ArrayList<>(figures.size());
        for (Figure figure : figures) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("kind", figure.kind() == null ? null : figure.kind().name());
            f.put("text", figure.text());
            f.put("value", figure.value());
            f.put("value_max", figure.valueMax());
            f.put("unit", figure.unit());
            f.put("metric", figure.metric());
            f.put("subject", figure.subject());
            f.put("period", figure.period());
            f.put("year_on_year", figure.yearOnYear());
            if (figure.span() != null) {
                f.put("field", figure.span().field());
                f.put("start", figure.span().start());
                f.put("end", figure.span().end());
            }
            f.values().removeIf(v -> v == null);
            out.add(f);
        }
        return out;
    }
}
