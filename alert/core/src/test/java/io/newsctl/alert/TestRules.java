package io.newsctl.alert;

import io.newsctl.net.TargetGuard;
import io.newsctl.index.search.QuerySegmenter;
import io.newsctl.model.SegmentedText;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/** Rules and the segmenter tests share. */
public final class TestRules {
    /** Queries are cut by the same segmenter as the test articles, as in production. */
    public static final QuerySegmenter SEGMENTER = text -> text == null ? List.of()
            : Arrays.stream(TestArticles.segment(text).split(String.valueOf(SegmentedText.SEPARATOR)))
                    .filter(w -> !w.isBlank()).toList();

    private TestRules() {
    }

    public static RuleValidator validator() {
        return new RuleValidator(SEGMENTER, TargetGuard.strict(), Clock.systemUTC());
    }

    public static Rule rule(String id, String query, RuleFilters filters) {
        return validator().create(new RuleDraft(id, "rule " + id, query, filters, null, null, null));
    }

    public static RuleFilters tags(String... tags) {
        return new RuleFilters(List.of(tags), null, null, null);
    }

    /** The example: tag export-policy AND chip H20 OR MI308. */
    public static Rule exportPolicyChips() {
        return rule("export-h20-mi308", "", new RuleFilters(List.of("export-policy"), null, List.of("H20", "MI308"), null));
    }
}
