package io.newsctl.alert.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.alert.Rule;
import io.newsctl.alert.RuleDraft;
import io.newsctl.alert.RuleFilters;
import io.newsctl.alert.TestArticles;
import io.newsctl.alert.TestRules;
import io.newsctl.alert.match.RuleMatcher;
import io.newsctl.model.Alert;
import io.newsctl.model.ArticleIds;
import io.newsctl.model.EnrichedArticle;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AlertDeciderTest {
    private final RuleMatcher matcher = new RuleMatcher(TestRules.SEGMENTER);
    private final FiringLedger ledger = new FiringLedger(Duration.ofDays(8));
    private final MutableClock clock = new MutableClock(Instant.now());
    private final AlertDecider decider = new AlertDecider(Duration.ofDays(7), clock);

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @AfterEach
    void close() {
        matcher.close();
    }

    private AlertDecider.Decision decide(EnrichedArticle article) {
        FiringLedger.Pending pending = ledger.begin();
        AlertDecider.Decision decision = decider.decide(article, matcher::match, pending);
        pending.commit();
        return decision;
    }

    @Test
    void theFirstIngestionFiresOnceWithEverythingAnAnalystNeeds() {
        Rule rule = TestRules.exportPolicyChips();
        matcher.put(rule);
        EnrichedArticle reference = TestArticles.reference();

        AlertDecider.Decision first = decide(reference);
        assertEquals(1, first.alerts().size());
        Alert alert = first.alerts().get(0);
        assertEquals(ArticleIds.alertId(rule.id(), reference.id()), alert.id());
        assertEquals(rule.id(), alert.ruleId());
        assertEquals(rule.name(), alert.ruleName());
        assertEquals(reference.article().title(), alert.title());
        assertEquals(reference.article().url(), alert.url());
        assertEquals(reference.article().publishedAt(), alert.publishedAt());
        assertEquals(TestArticles.REFERENCE_SENTENCE, alert.evidence());
        assertEquals(clock.now, alert.firedAt());
        assertEquals(List.of(new LedgerEntry.Fired(rule.id(), alert.id(), clock.now)), first.entry().fired());

        AlertDecider.Decision again = decide(reference);
        assertTrue(again.alerts().isEmpty());
        assertEquals("already seen", again.skipped());
        assertNull(again.entry());
    }

    @Test
    void anArticleSeenWithoutMatchesDoesNotFireWhenUpdatedLater() {
        EnrichedArticle reference = TestArticles.reference();
        AlertDecider.Decision first = decide(reference);
        assertTrue(first.alerts().isEmpty());
        assertNotNull(first.entry());

        matcher.put(TestRules.exportPolicyChips()); // a rule that would match the update
        assertTrue(decide(reference).alerts().isEmpty());
    }

    @Test
    void duplicatesWithinOneBatchFireOnceAndNothingSticksIfTheBatchIsNotStored() {
        matcher.put(TestRules.exportPolicyChips());
        FiringLedger.Pending pending = ledger.begin();
        assertEquals(1, decider.decide(TestArticles.reference(), matcher::match, pending).alerts().size());
        assertEquals(0, decider.decide(TestArticles.reference(), matcher::match, pending).alerts().size());
        // not committed: the batch's output was not stored, so the redelivery fires again
        assertEquals(1, decide(TestArticles.reference()).alerts().size());
    }

    @Test
    void aRepostIsTheSameStoryWithinTheDedupWindow() {
        Rule rule = TestRules.exportPolicyChips();
        Rule noWindow = TestRules.validator().create(new RuleDraft("no-window", "every copy", null,
                new RuleFilters(List.of("export-policy"), null, List.of("H20"), null), "0", null, null));
        matcher.putAll(List.of(rule, noWindow));
        EnrichedArticle reference = TestArticles.reference();
        assertEquals(2, decide(reference).alerts().size());

        clock.now = clock.now.plus(Duration.ofHours(2));
        AlertDecider.Decision repost = decide(TestArticles.repostOf(reference, "https://repost.example.cn/a/1"));
        assertEquals(List.of("no-window"), repost.alerts().stream().map(Alert::ruleId).toList());
        assertEquals(1, repost.suppressed().size());
        assertTrue(repost.suppressed().get(0).reason().contains(ArticleIds.alertId(rule.id(), reference.id())));

        clock.now = clock.now.plus(Duration.ofHours(23));
        assertEquals(2, decide(TestArticles.repostOf(reference, "https://repost.example.cn/a/2")).alerts().size(),
                "past the 24 h window the story may fire again");
    }

    @Test
    void oldArticlesAreNotNews() {
        matcher.put(TestRules.exportPolicyChips());
        EnrichedArticle old = TestArticles.publishedAt(TestArticles.reference(),
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(10));
        AlertDecider.Decision decision = decide(old);
        assertTrue(decision.alerts().isEmpty());
        assertTrue(decision.skipped().startsWith("older than"));
    }

    @Test
    void theLedgerForgetsWhatIsPastRetention() {
        decide(TestArticles.funding());
        assertEquals(1, ledger.size());
        ledger.prune(clock.now.plus(Duration.ofDays(9)));
        assertEquals(0, ledger.size());
    }
}
