package io.newsctl.model;

import java.time.Instant;
import java.util.List;

/**
 * An article with what extract found in it. Travels on {@link Topics#ENRICHED} keyed by the
 * article's canonical URL. The raw article rides along unchanged.
 *
 * @param schemaVersion {@link ModelJson#SCHEMA_VERSION} of the writer
 * @param article       the article as ingest produced it
 * @param entities      companies, chips, people, places and organizations, one entry per entity
 * @param figures       money, percentages and counts in reading order
 * @param tags          topic tags, e.g. {@link Tags#EXPORT_POLICY}
 * @param evidence      for each tag, the sentences that triggered it
 * @param keywords      salient words, junk filtered
 * @param digest        an extractive summary (sentences of the article)
 * @param segmented     title, summary and body cut into words for the search index
 * @param enrichedAt    when extract processed it
 * @param extractor     version of the extractor and its knowledge base, so reprocessing can be targeted
 */
public record EnrichedArticle(
        int schemaVersion,
        RawArticle article,
        List<Entity> entities,
        List<Figure> figures,
        List<String> tags,
        List<TagEvidence> evidence,
        List<String> keywords,
        String digest,
        SegmentedText segmented,
        Instant enrichedAt,
        String extractor) {

    public EnrichedArticle {
        entities = entities == null ? List.of() : List.copyOf(entities);
        figures = figures == null ? List.of() : List.copyOf(figures);
        tags = tags == null ? List.of() : List.copyOf(tags);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }

    public String id() {
        return article.id();
    }
}
