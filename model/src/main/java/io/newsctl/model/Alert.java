package io.newsctl.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A rule matched a new article. Travels on {@link Topics#ALERTS} keyed by rule id.
 *
 * @param schemaVersion {@link ModelJson#SCHEMA_VERSION} of the writer
 * @param id            deterministic id of (rule, article): the same pair never yields two alerts
 * @param ruleId        id of the rule that fired
 * @param ruleName      its name at firing time
 * @param articleId     id of the article
 * @param title         article title
 * @param url           article URL
 * @param publishedAt   article publication time
 * @param matchedTerms  the query terms and filter values the article matched
 * @param evidence      the sentence that matched best
 * @param firedAt       when the alert fired
 */
public record Alert(
        int schemaVersion,
        String id,
        String ruleId,
        String ruleName,
        String articleId,
        String title,
        String url,
        OffsetDateTime publishedAt,
        List<String> matchedTerms,
        String evidence,
        Instant firedAt) {

    public Alert {
        matchedTerms = matchedTerms == null ? List.of() : List.copyOf(matchedTerms);
    }
}
