package io.newsctl.alert.match;

import io.newsctl.alert.Rule;
import java.util.List;

/**
 * A rule an article matched, and why.
 *
 * @param rule         the rule (as registered when the article was matched)
 * @param matchedTerms the rule's query terms found in the article, then the filter values it
 *                     satisfied ({@code tag:export-policy}, {@code chip:H20} …)
 * @param evidence     the sentence holding the most matched terms (body first), or the article's own
 *                     evidence for a matched tag; null when there is no text at all
 */
public record RuleMatch(Rule rule, List<String> matchedTerms, String evidence) {
    public RuleMatch {
        matchedTerms = List.copyOf(matchedTerms);
    }
}
