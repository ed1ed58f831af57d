package io.newsctl.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.alert.match.RuleMatch;
import io.newsctl.alert.match.RuleMatcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The rules under samples/rules are valid, and the export-policy one fires where the issue says. */
class SampleRulesTest {
    private static final Path SAMPLES = Path.of("..", "..", "samples", "rules");

    private static Rule load(String file) throws Exception {
        return TestRules.validator().create(RuleJson.decodeDraft(Files.readAllBytes(SAMPLES.resolve(file))));
    }

    @Test
    void everySampleRuleIsValidAndHasAStableId() throws Exception {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            List<Path> rules = files.filter(f -> f.toString().endsWith(".json")).toList();
            assertFalse(rules.isEmpty());
            for (Path file : rules) {
                Rule rule = load(file.getFileName().toString());
                assertTrue(file.getFileName().toString().startsWith(rule.id()), "file named after its rule id");
            }
        }
    }

    @Test
    void theExportPolicyRuleFiresOnTheReferenceArticleOnly() throws Exception {
        try (RuleMatcher matcher = new RuleMatcher(TestRules.SEGMENTER)) {
            matcher.put(load("export-policy-h20-mi308.json"));
            List<RuleMatch> matches = matcher.match(TestArticles.reference());
            assertEquals(1, matches.size());
            assertEquals(TestArticles.REFERENCE_SENTENCE, matches.get(0).evidence());
            assertTrue(matcher.match(TestArticles.phoneLaunch()).isEmpty());
            assertTrue(matcher.match(TestArticles.funding()).isEmpty());
        }
    }
}
