package io.newsctl.alert.ledger;

import io.newsctl.model.ArticleIds;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.RawArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The keys under which two articles count as the same story for a rule's dedup window: the article
 * itself (a repost's {@code duplicateOf} points at it), the body's content hash, and the title
 * normalised (case, spaces and punctuation removed; only titles of 8 characters or more, so short
 * generic titles such as 「快讯」 do not collide).
 */
public final class Fingerprints {
    static final int MIN_TITLE = 8;

    private Fingerprints() {
    }

    public static List<String> of(EnrichedArticle enriched) {
        RawArticle article = enriched.article();
        List<String> keys = new ArrayList<>();
        keys.add("a:" + article.id());
        if (article.duplicateOf() != null && !article.duplicateOf().isBlank()) {
            keys.add("a:" + article.duplicateOf());
        }
        if (article.contentHash() != null && !article.contentHash().isBlank()) {
            keys.add("h:" + article.contentHash());
        }
        String title = normaliseTitle(article.title());
        if (title.length() >= MIN_TITLE) {
            keys.add("t:" + ArticleIds.of(title));
        }
        return List.copyOf(keys);
    }

    static String normaliseTitle(String title) {
        if (title == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        title.toLowerCase(Locale.ROOT).codePoints()
                .filter(Character::isLetterOrDigit)
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
