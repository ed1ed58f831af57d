package io.newsctl.alert.match;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.alert.RuleFilters;
import io.newsctl.alert.TestArticles;
import io.newsctl.alert.TestRules;
import io.newsctl.model.EnrichedArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RuleMatcherConcurrencyTest {

    @Test
    void matchingWhileRulesChangeNeverFailsAndKeepsStableRules() throws Exception {
        try (RuleMatcher matcher = new RuleMatcher(TestRules.SEGMENTER)) {
            matcher.put(TestRules.exportPolicyChips());
            ExecutorService pool = Executors.newFixedThreadPool(3);
            AtomicBoolean stop = new AtomicBoolean();
            try {
                Future<Integer> churn = pool.submit(() -> {
                    int changes = 0;
                    for (int i = 0; i < 200; i++) {
                        matcher.put(TestRules.rule("churn-" + (i % 10), "融资 OR 芯片", RuleFilters.NONE));
                        matcher.remove("churn-" + ((i + 5) % 10));
                        changes++;
                    }
                    stop.set(true);
                    return changes;
                });
                List<Future<Integer>> readers = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    readers.add(pool.submit(() -> {
                        int matched = 0;
                        EnrichedArticle reference = TestArticles.reference();
                        while (!stop.get()) {
                            List<RuleMatch> matches = matcher.match(reference);
                            // the stable rule is there every single time, whatever the churn does
                            assertTrue(matches.stream().anyMatch(m -> m.rule().id().equals("export-h20-mi308")));
                            matched++;
                        }
                        return matched;
                    }));
                }
                assertEquals(200, churn.get(60, TimeUnit.SECONDS));
                for (Future<Integer> reader : readers) {
                    assertTrue(reader.get(60, TimeUnit.SECONDS) > 0);
                }
            } finally {
                stop.set(true);
                pool.shutdownNow();
                assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
            }
            assertEquals(6, matcher.size()); // the stable rule + 5 churn rules left registered
        }
    }
}
