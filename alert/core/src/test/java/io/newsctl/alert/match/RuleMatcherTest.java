package io.newsctl.alert.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.alert.Rule;
import io.newsctl.alert.RuleFilters;
import io.newsctl.alert.TestArticles;
import io.newsctl.alert.TestRules;
import io.newsctl.model.EnrichedArticle;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RuleMatcherTest {
    private final RuleMatcher matcher = new RuleMatcher(TestRules.SEGMENTER);

    @AfterEach
    void close() {
        matcher.close();
    }

    private List<String> matchingIds(EnrichedArticle article) {
        return matcher.match(article).stream().map(m -> m.rule().id()).toList();
    }

    @Test
    void exportPolicyChipRuleFiresOnTheReferenceArticleOnly() {
        matcher.put(TestRules.exportPolicyChips());

        List<RuleMatch> matches = matcher.match(TestArticles.reference());
        assertEquals(1, matches.size());
        RuleMatch match = matches.get(0);
        assertEquals(List.of("tag:export-policy", "chip:H20", "chip:MI308"), match.matchedTerms());
        assertEquals(TestArticles.REFERENCE_SENTENCE, match.evidence());

        assertTrue(matcher.match(TestArticles.phoneLaunch()).isEmpty());
        assertTrue(matcher.match(TestArticles.funding()).isEmpty());
        assertTrue(matcher.match(TestArticles.entityList()).isEmpty(), "export-policy but no H20/MI308");
    }

    @Test
    void queryTermsOrAndExclusionsWorkAsInSearch() {
        matcher.put(TestRules.rule("either", "实体清单 OR 禁令", RuleFilters.NONE));
        matcher.put(TestRules.rule("both", "英伟达 许可", RuleFilters.NONE));
        matcher.put(TestRules.rule("not-phones", "芯片 -手机", RuleFilters.NONE));
        matcher.put(TestRules.rule("phrase", "\"美国政府\"", RuleFilters.NONE));
        matcher.put(TestRules.rule("wrong-phrase", "\"政府美国\"", RuleFilters.NONE));

        assertEquals(List.of("both", "either", "not-phones", "phrase"), matchingIds(TestArticles.reference()));
        assertEquals(List.of("either"), matchingIds(TestArticles.entityList()));
        assertEquals(List.of(), matchingIds(TestArticles.phoneLaunch()), "芯片 is there, but so is 手机");
    }

    @Test
    void matchedTermsAndEvidenceComeFromTheBestSentence() {
        matcher.put(TestRules.rule("licence", "许可 OR 出口管制 恢复供应", RuleFilters.NONE));

        RuleMatch match = matcher.match(TestArticles.reference()).get(0);

        assertEquals(List.of("许可", "恢复供应"), match.matchedTerms());
        assertEquals(TestArticles.REFERENCE_SENTENCE, match.evidence());
    }

    @Test
    void wordsCutDifferentlyFromTheDocumentStillMatchThroughStdFields() {
        // A segmenter that keeps 恢复供应 whole, while the document has 恢复|供应.
        RuleMatcher coarse = new RuleMatcher(new SimpleQuerySegmenter());
        try {
            Rule rule = TestRules.rule("coarse", "恢复供应 特供版H20", RuleFilters.NONE);
            coarse.put(rule);
            List<RuleMatch> matches = coarse.match(TestArticles.reference());
            assertEquals(1, matches.size());
            assertEquals(List.of("恢复供应", "特供版H20"), matches.get(0).matchedTerms());
            assertTrue(coarse.match(TestArticles.funding()).isEmpty());
        } finally {
            coarse.close();
        }
    }

    @Test
    void aTwoCharacterWordDoesNotMatchAcrossWordBoundaries() {
        // the body has 美国|政府 and 中国|出口: 国政 and 国出 are characters, not words
        matcher.put(TestRules.rule("straddle", "国政 OR 国出", RuleFilters.NONE));
        matcher.put(TestRules.rule("word", "政府", RuleFilters.NONE));
        assertEquals(List.of("word"), matchingIds(TestArticles.reference()));
    }

    @Test
    void entityFiltersTakeCanonicalNamesOrIdsInAnyCase() {
        matcher.put(TestRules.rule("by-id", "", new RuleFilters(null, List.of("NVIDIA"), null, null)));
        matcher.put(TestRules.rule("by-name", "", new RuleFilters(null, List.of("英伟达"), null, null)));
        matcher.put(TestRules.rule("chip-id", "", new RuleFilters(null, null, List.of("amd-mi308"), null)));
        matcher.put(TestRules.rule("site", "融资", new RuleFilters(null, null, null, List.of("36KR.com"))));

        assertEquals(List.of("by-id", "by-name", "chip-id"), matchingIds(TestArticles.reference()));
        assertEquals(List.of("site"), matchingIds(TestArticles.funding()));
    }

    @Test
    void rulesCanBeReplacedDisabledAndRemoved() {
        Rule rule = TestRules.rule("r", "融资", RuleFilters.NONE);
        matcher.put(rule);
        assertEquals(List.of("r"), matchingIds(TestArticles.funding()));

        matcher.put(TestRules.rule("r", "手机", RuleFilters.NONE));
        assertEquals(List.of(), matchingIds(TestArticles.funding()));
        assertEquals(List.of("r"), matchingIds(TestArticles.phoneLaunch()));

        Rule phones = TestRules.rule("r", "手机", RuleFilters.NONE);
        matcher.put(new Rule(phones.id(), phones.name(), phones.query(), phones.filters(), phones.dedupWindow(),
                phones.channels(), false, 2, phones.createdAt(), phones.updatedAt()));
        assertEquals(List.of(), matchingIds(TestArticles.phoneLaunch()));
        assertEquals(0, matcher.size());

        matcher.put(phones);
        matcher.remove("r");
        assertEquals(List.of(), matchingIds(TestArticles.phoneLaunch()));
    }

    @Test
    void testingARuleDoesNotRegisterIt() {
        assertTrue(matcher.test(TestRules.exportPolicyChips(), TestArticles.reference()).isPresent());
        assertFalse(matcher.test(TestRules.exportPolicyChips(), TestArticles.funding()).isPresent());
        assertEquals(0, matcher.size());
        assertTrue(matcher.match(TestArticles.reference()).isEmpty());
    }
}
