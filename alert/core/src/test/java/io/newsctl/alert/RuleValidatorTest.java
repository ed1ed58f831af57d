package io.newsctl.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.net.TargetGuard;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RuleValidatorTest {
    private static final String SECRET = "0123456789abcdef0123";
    private final RuleValidator validator = TestRules.validator();

    private static Map<String, String> problems(Runnable action) {
        InvalidRuleException e = assertThrows(InvalidRuleException.class, action::run);
        return e.problems().stream().collect(Collectors.toMap(InvalidRuleException.Problem::field,
                InvalidRuleException.Problem::message, (a, b) -> a + " | " + b));
    }

    @Test
    void aMinimalRuleGetsDefaults() {
        Rule rule = validator.create(new RuleDraft(null, " Export policy ", null, TestRules.tags("export-policy"),
                null, null, null));
        assertTrue(rule.id().matches("rule-[0-9a-f]{12}"));
        assertEquals("Export policy", rule.name());
        assertEquals("", rule.query());
        assertEquals(Duration.ofHours(24), rule.dedupWindow());
        assertTrue(rule.enabled());
        assertEquals(1, rule.version());
        assertEquals(rule.createdAt(), rule.updatedAt());
    }

    @Test
    void everyProblemIsReportedWithItsField() {
        Map<String, String> problems = problems(() -> validator.create(new RuleDraft("Bad Id!", "", "-手机",
                new RuleFilters(List.of(" "), null, null, null), "fortnight",
                List.of(Channel.webhook("ftp://example.com/x", SECRET), Channel.webhook("https://10.0.0.8/hook", "short"),
                        new Channel("email", "a@b.c", null)), null)));
        assertTrue(problems.get("id").contains("lower-case"));
        assertTrue(problems.get("name").contains("required"));
        assertTrue(problems.get("query").contains("not excluded"), problems.get("query"));
        assertTrue(problems.get("filters.tags[0]").contains("empty"));
        assertTrue(problems.get("dedupWindow").contains("24h"));
        assertTrue(problems.get("channels[0].url").contains("http"));
        assertTrue(problems.get("channels[1].url").contains("internal address"));
        assertTrue(problems.get("channels[1].secret").contains("16"));
        assertTrue(problems.get("channels[2].type").contains("webhook"));
    }

    @Test
    void aRuleWithoutQueryOrFiltersWouldFireOnEverything() {
        Map<String, String> problems = problems(() -> validator.create(new RuleDraft(null, "all", "  ", null, null,
                null, null)));
        assertTrue(problems.get("query").contains("every article"));
    }

    @Test
    void queryTermsWithoutLettersAreRefused() {
        Map<String, String> problems = problems(() -> validator.create(new RuleDraft(null, "x", "芯片 ！！", null, null,
                null, null)));
        assertTrue(problems.get("query").contains("！！"));
    }

    @Test
    void webhookTargetsInsideTheNetworkNeedAnExplicitAllowance() {
        RuleDraft draft = new RuleDraft(null, "hook", "芯片", null, "30m",
                List.of(Channel.webhook("http://127.0.0.1:9/hook", SECRET)), null);
        assertTrue(problems(() -> validator.create(draft)).get("channels[0].url").contains("internal"));
        RuleValidator lenient = new RuleValidator(TestRules.SEGMENTER, new TargetGuard(List.of("127.0.0.1/32")),
                Clock.systemUTC());
        Rule rule = lenient.create(draft);
        assertEquals(Duration.ofMinutes(30), rule.dedupWindow());
        assertEquals(1, rule.webhooks().size());
    }

    @Test
    void updatesBumpTheVersionKeepTheIdAndKeepSecretsNotResent() {
        Rule created = validator.create(new RuleDraft("r1", "hook", "芯片", null, "0",
                List.of(Channel.webhook("https://hooks.example.com/a", SECRET)), null));
        assertEquals(Duration.ZERO, created.dedupWindow());

        Rule updated = validator.update(created, new RuleDraft(null, "hook 2", "芯片 OR 禁令", null, null,
                List.of(Channel.webhook("https://hooks.example.com/a", null)), false));
        assertEquals("r1", updated.id());
        assertEquals(2, updated.version());
        assertEquals(created.createdAt(), updated.createdAt());
        assertEquals(SECRET, updated.webhooks().get(0).secret());
        assertEquals(false, updated.enabled());

        assertTrue(problems(() -> validator.update(created, new RuleDraft("r2", "x", "芯片", null, null, null, null)))
                .get("id").contains("cannot change"));
        assertTrue(problems(() -> validator.update(created, new RuleDraft(null, "x", "芯片", null, null,
                List.of(Channel.webhook("https://hooks.example.com/other", null)), null)))
                .containsKey("channels[0].secret"));
    }

    @Test
    void draftsAreReadStrictlySoTyposAreReported() {
        InvalidRuleException e = assertThrows(InvalidRuleException.class, () -> RuleJson.decodeDraft(
                "{\"name\":\"x\",\"filter\":{\"tags\":[\"a\"]}}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("filter", e.problems().get(0).field());
        assertTrue(e.problems().get(0).message().contains("filters"));

        e = assertThrows(InvalidRuleException.class, () -> RuleJson.decodeDraft(
                "{\"name\":\"x\",\"filters\":{\"chips\":\"H20\"}}".getBytes(StandardCharsets.UTF_8)));
        assertEquals("filters.chips", e.problems().get(0).field());

        e = assertThrows(InvalidRuleException.class, () -> RuleJson.decodeDraft("{\"name\":".getBytes(
                StandardCharsets.UTF_8)));
        assertEquals("body", e.problems().get(0).field());
    }

    @Test
    void storedRulesKeepSecretsButThePublicViewHidesThem() throws Exception {
        Rule rule = validator.create(new RuleDraft("r1", "hook", "芯片", TestRules.tags("export-policy"), "2h",
                List.of(Channel.webhook("https://hooks.example.com/a", SECRET)), null));
        Rule back = RuleJson.decodeStored(RuleJson.encodeStored(rule));
        assertEquals(rule, back);

        var view = RuleJson.publicView(rule);
        assertEquals("PT2H", view.get("dedupWindow").asText());
        assertTrue(view.get("channels").get(0).get("hasSecret").asBoolean());
        assertNull(view.get("channels").get(0).get("secret"));
        assertTrue(!view.toString().contains(SECRET));
    }
}
