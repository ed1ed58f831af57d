package io.newsctl.alert.bench;

import io.newsctl.alert.Rule;
import io.newsctl.alert.RuleValidator;
import io.newsctl.alert.match.RuleMatcher;
import io.newsctl.net.TargetGuard;
import io.newsctl.model.EnrichedArticle;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Match throughput: articles per second one thread matches against 1,000 and 10,000 registered
 * rules (explanations of the matches included, as the service does). Generated corpus, see
 * {@link Corpus}. Run: {@code mvn -B -q -pl alert/core -am -Pbench-match verify -DskipTests}.
 */
public final class MatchBenchmark {
    private static final int ARTICLES = 500;

    private MatchBenchmark() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length > 0 ? java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray()
                : new int[] {1_000, 10_000};
        System.out.printf("match throughput, 1 thread, %d generated articles (~600 words each), Java %s, %d cores%n",
                ARTICLES, Runtime.version(), Runtime.getRuntime().availableProcessors());
        for (int size : sizes) {
            run(size);
        }
    }

    private static void run(int ruleCount) {
        Corpus corpus = new Corpus(42);
        RuleValidator validator = new RuleValidator(Corpus.segmenter(), TargetGuard.strict(), Clock.systemUTC());
        List<Rule> rules = new ArrayList<>(ruleCount);
        for (int i = 0; i < ruleCount; i++) {
            rules.add(validator.create(draft("bench-" + i, corpus.rule())));
        }
        List<EnrichedArticle> articles = new ArrayList<>(ARTICLES);
        for (int i = 0; i < ARTICLES; i++) {
            articles.add(corpus.article("https://bench.example.cn/a/" + i));
        }
        try (RuleMatcher matcher = new RuleMatcher(Corpus.segmenter())) {
            long t0 = System.nanoTime();
            matcher.putAll(rules);
            double registerMs = (System.nanoTime() - t0) / 1e6;

            for (int round = 0; round < 2; round++) { // warm-up
                articles.forEach(matcher::match);
            }
            long matches = 0;
            int rounds = 3;
            long start = System.nanoTime();
            for (int round = 0; round < rounds; round++) {
                for (EnrichedArticle article : articles) {
                    matches += matcher.match(article).size();
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int matched = rounds * articles.size();
            System.out.printf("%,6d rules: %,8.1f articles/s  (%.2f ms/article, %.1f matching rules/article,"
                            + " rules registered in %,.0f ms)%n",
                    ruleCount, matched / seconds, seconds * 1000 / matched, (double) matches / matched, registerMs);
        }
    }

    static io.newsctl.alert.RuleDraft draft(String id, Corpus.GeneratedRule rule) {
        return new io.newsctl.alert.RuleDraft(id, "generated " + id, rule.query(),
                new io.newsctl.alert.RuleFilters(rule.tags(), rule.companies(), rule.chips(), null), "0", null, true);
    }
}
