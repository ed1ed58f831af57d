package io.newsctl.alert;

import io.newsctl.model.Alert;
import io.newsctl.model.ArticleIds;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.ModelJson;
import io.newsctl.model.TagEvidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A rule that fires when an article carries a tag, e.g. {@code export-policy}. The evidence is the
 * first sentence extract found for that tag. The alert id is derived from rule and article, so a
 * redelivered article yields the same alert id and consumers can drop the repeat.
 */
public record TagRule(String id, String name, String tag) {

    public Optional<Alert> match(EnrichedArticle article, Instant now) {
        if (!article.tags().contains(tag)) {
            return Optional.empty();
        }
        List<String> terms = new ArrayList<>();
        terms.add("tag:" + tag);
        String evidence = null;
        for (TagEvidence candidate : article.evidence()) {
            if (candidate.tag().equals(tag)) {
                evidence = candidate.sentence();
                terms.addAll(candidate.terms());
                break;
            }
        }
        return Optional.of(new Alert(
                ModelJson.SCHEMA_VERSION,
                ArticleIds.alertId(id, article.id()),
                id,
                name,
                article.id(),
                article.article().title(),
                article.article().url(),
                article.article().publishedAt(),
                terms,
                evidence,
                now));
    }
}
