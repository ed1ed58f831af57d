package io.newsctl.alert.match;

import io.newsctl.alert.Rule;
import io.newsctl.index.search.QuerySegmenter;
import io.newsctl.model.EnrichedArticle;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.monitor.MatchingQueries;
import org.apache.lucene.monitor.Monitor;
import org.apache.lucene.monitor.MonitorQuery;
import org.apache.lucene.monitor.QueryMatch;
import org.apache.lucene.monitor.TermFilteredPresearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Matches articles against every registered rule in memory with Lucene's monitor: rules are
 * indexed by their terms, so an article is checked only against the rules that share a term with it
 * (tags, entities and words alike). Thread-safe: rules can be added, replaced and removed while
 * articles are matched.
 */
public final class RuleMatcher implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleMatcher.class);

    private static final int REGISTER_CHUNK = 256;

    private final Analyzer analyzer = NewsAnalyzers.perField();
    private final QueryCompiler compiler;
    private final MatchExplainer explainer = new MatchExplainer(analyzer);
    private final Monitor monitor;
    private final Map<String, QueryCompiler.CompiledRule> rules = new ConcurrentHashMap<>();

    public RuleMatcher(QuerySegmenter segmenter) {
        this.compiler = new QueryCompiler(segmenter);
        try {
            this.monitor = new Monitor(analyzer, new TermFilteredPresearcher());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the rule monitor", e);
        }
    }

    /** Adds or replaces a rule; a disabled rule is removed. Throws InvalidRuleException if it cannot compile. */
    public void put(Rule rule) {
        putAll(List.of(rule));
    }

    /**
     * Adds or replaces many rules, registered in chunks: much faster than one by one, while the
     * monitor's per-rule indexing buffers (tens of kB each until committed) stay bounded.
     */
    public void putAll(Collection<Rule> batch) {
        List<Rule> all = List.copyOf(batch);
        for (int from = 0; from < all.size(); from += REGISTER_CHUNK) {
            register(all.subList(from, Math.min(all.size(), from + REGISTER_CHUNK)));
        }
    }

    private void register(List<Rule> batch) {
        List<MonitorQuery> queries = new ArrayList<>();
        List<QueryCompiler.CompiledRule> compiled = new ArrayList<>();
        List<String> disabled = new ArrayList<>();
        for (Rule rule : batch) {
            if (!rule.enabled()) {
                disabled.add(rule.id());
                continue;
            }
            QueryCompiler.CompiledRule c = compiler.compile(rule);
            compiled.add(c);
            queries.add(new MonitorQuery(rule.id(), c.query()));
        }
        try {
            if (!queries.isEmpty()) {
                monitor.register(queries);
            }
            compiled.forEach(c -> rules.put(c.rule().id(), c));
            if (!disabled.isEmpty()) {
                remove(disabled);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot register rules", e);
        }
    }

    public void remove(String ruleId) {
        remove(List.of(ruleId));
    }

    private void remove(List<String> ids) {
        try {
            monitor.deleteById(ids);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove rules " + ids, e);
        }
        ids.forEach(rules::remove);
    }

    public int size() {
        return rules.size();
    }

    /** Every enabled rule the article matches, with matched terms and evidence, ordered by rule id. */
    public List<RuleMatch> match(EnrichedArticle article) {
        ArticleDocument doc = new ArticleDocument(article);
        MatchingQueries<QueryMatch> result;
        try {
            result = monitor.match(doc.luceneDocument(), QueryMatch.SIMPLE_MATCHER);
        } catch (IOException e) {
            throw new UncheckedIOException("matching failed", e);
        }
        result.getErrors().forEach((id, error) -> LOG.warn("rule {} failed on article {}: {}", id, article.id(),
                error.toString()));
        List<RuleMatch> matches = new ArrayList<>();
        for (QueryMatch match : result.getMatches()) {
            QueryCompiler.CompiledRule compiled = rules.get(match.getQueryId());
            if (compiled != null) { // removed meanwhile
                matches.add(explainer.explain(compiled, doc));
            }
        }
        matches.sort(Comparator.comparing(m -> m.rule().id()));
        return matches;
    }

    /** Tests one rule (registered or not) against one article, without touching the registered rules. */
    public Optional<RuleMatch> test(Rule rule, EnrichedArticle article) {
        QueryCompiler.CompiledRule compiled = compiler.compile(rule);
        ArticleDocument doc = new ArticleDocument(article);
        try {
            if (doc.memoryIndex(analyzer).createSearcher().count(compiled.query()) == 0) {
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("matching failed", e);
        }
        return Optional.of(explainer.explain(compiled, doc));
    }

    @Override
    public void close() {
        try {
            monitor.close();
        } catch (IOException e) {
            LOG.warn("closing the rule monitor: {}", e.toString());
        }
    }
}
