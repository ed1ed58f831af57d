package io.newsctl.alert.ledger;

import io.newsctl.alert.Rule;
import io.newsctl.alert.match.RuleMatch;
import io.newsctl.model.Alert;
import io.newsctl.model.ArticleIds;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Decides which alerts a new article fires. Only the first time the stage sees an article counts:
 * an article already in the ledger (redelivered, reprocessed, updated) fires nothing, and neither
 * does one older than the maximum age (a backfill or re-index of old news). Of the rules it matches,
 * a rule that fired for the same story (see {@link Fingerprints}) within its dedup window stays
 * quiet. Alert ids are derived from rule and article, so even a repeat would carry the same id.
 */
public final class AlertDecider {
    /** A rule matched but did not fire, and why. */
    public record Suppressed(String ruleId, String articleId, String reason) {
    }

    /**
     * @param alerts     alerts to publish
     * @param entry      the ledger entry to store with them; null when the article was skipped
     * @param suppressed matches that did not fire
     * @param skipped    why the article was not considered at all, or null
     */
    public record Decision(List<Alert> alerts, LedgerEntry entry, List<Suppressed> suppressed, String skipped) {
    }

    private final Duration maxArticleAge;
    private final Clock clock;

    public AlertDecider(Duration maxArticleAge, Clock clock) {
        this.maxArticleAge = maxArticleAge;
        this.clock = clock;
    }

    public Decision decide(EnrichedArticle article, Function<EnrichedArticle, List<RuleMatch>> matcher,
                           FiringLedger.Pending ledger) {
        Instant now = clock.instant();
        if (ledger.seen(article.id())) {
            return new Decision(List.of(), null, List.of(), "already seen");
        }
        Instant articleTime = articleTime(article, now);
        if (articleTime.isBefore(now.minus(maxArticleAge))) {
            return new Decision(List.of(), null, List.of(), "older than " + maxArticleAge);
        }
        List<String> fingerprints = Fingerprints.of(article);
        List<Alert> alerts = new ArrayList<>();
        List<LedgerEntry.Fired> fired = new ArrayList<>();
        List<Suppressed> suppressed = new ArrayList<>();
        for (RuleMatch match : matcher.apply(article)) {
            Rule rule = match.rule();
            FiringLedger.LastFired earlier = earlierFiring(rule, fingerprints, ledger, now);
            if (earlier != null) {
                suppressed.add(new Suppressed(rule.id(), article.id(), "same story as alert " + earlier.alertId()
                        + " at " + earlier.firedAt() + " (dedup window " + rule.dedupWindow() + ")"));
                continue;
            }
            Alert alert = toAlert(rule, match, article, now);
            alerts.add(alert);
            fired.add(new LedgerEntry.Fired(rule.id(), alert.id(), now));
        }
        LedgerEntry entry = new LedgerEntry(ModelJson.SCHEMA_VERSION, article.id(), now, fingerprints, fired);
        ledger.add(entry);
        return new Decision(alerts, entry, suppressed, null);
    }

    private static FiringLedger.LastFired earlierFiring(Rule rule, List<String> fingerprints,
                                                        FiringLedger.Pending ledger, Instant now) {
        if (rule.dedupWindow().isZero()) {
            return null;
        }
        Instant horizon = now.minus(rule.dedupWindow());
        for (String fingerprint : fingerprints) {
            FiringLedger.LastFired last = ledger.lastFired(rule.id(), fingerprint);
            if (last != null && last.firedAt().isAfter(horizon)) {
                return last;
            }
        }
        return null;
    }

    /** Publication time, else fetch time, else enrichment time, else now. */
    static Instant articleTime(EnrichedArticle enriched, Instant now) {
        RawArticle article = enriched.article();
        if (article.publishedAt() != null) {
            return article.publishedAt().toInstant();
        }
        if (article.fetchedAt() != null) {
            return article.fetchedAt();
        }
        return enriched.enrichedAt() != null ? enriched.enrichedAt() : now;
    }

    public static Alert toAlert(Rule rule, RuleMatch match, EnrichedArticle enriched, Instant firedAt) {
        RawArticle article = enriched.article();
        return new Alert(ModelJson.SCHEMA_VERSION, ArticleIds.alertId(rule.id(), article.id()), rule.id(), rule.name(),
                article.id(), article.title(), article.url(), article.publishedAt(), match.matchedTerms(),
                match.evidence(), firedAt);
    }
}
