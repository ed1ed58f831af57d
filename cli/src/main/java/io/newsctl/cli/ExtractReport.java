package io.newsctl.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.newsctl.ingest.ParsedPage;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.Entity;
import io.newsctl.model.Figure;
import io.newsctl.model.TagEvidence;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The JSON {@code newsctl extract} prints. Field names are a public contract (other tools parse
 * them): extend, never rename.
 */
record ExtractReport(
        @JsonProperty("isArticle") boolean isArticle,
        String url,
        String site,
        String profile,
        String language,
        String title,
        String author,
        String originalSource,
        OffsetDateTime publishedAt,
        String summary,
        String body,
        List<Entity> entities,
        List<Figure> figures,
        List<String> tags,
        List<TagEvidence> evidence,
        List<String> keywords,
        String digest,
        List<String> links) {

    static ExtractReport of(ParsedPage page, EnrichedArticle enriched) {
        return new ExtractReport(
                page.isArticle(),
                page.url(),
                enriched == null ? null : enriched.article().site(),
                page.profile(),
                page.language(),
                page.title(),
                page.author(),
                page.originalSource(),
                page.publishedAt(),
                page.summary(),
                page.body(),
                enriched == null ? List.of() : enriched.entities(),
                enriched == null ? List.of() : enriched.figures(),
                enriched == null ? List.of() : enriched.tags(),
                enriched == null ? List.of() : enriched.evidence(),
                enriched == null ? List.of() : enriched.keywords(),
                enriched == null ? null : enriched.digest(),
                page.isArticle() ? List.of() : page.links());
    }
}
