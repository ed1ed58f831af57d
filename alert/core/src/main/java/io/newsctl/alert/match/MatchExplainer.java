package io.newsctl.alert.match;

import io.newsctl.alert.RuleFilters;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.Entity;
import io.newsctl.model.EntityType;
import io.newsctl.model.RawArticle;
import io.newsctl.model.Span;
import io.newsctl.model.TagEvidence;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Matches;
import org.apache.lucene.search.MatchesIterator;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Weight;

/**
 * Says why a rule matched: which of its terms and filter values the article has, and the sentence
 * that shows it best. Runs only for rules that matched, on a one-document index with offsets.
 */
final class MatchExplainer {
    private final Analyzer analyzer;

    MatchExplainer(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    private static final class Candidate {
        final String sentence;
        final int weight;
        final int order;
        final int focus;
        final Set<String> labels = new LinkedHashSet<>();

        Candidate(String sentence, int weight, int order, int focus) {
            this.sentence = sentence;
            this.weight = weight;
            this.order = order;
            this.focus = focus;
        }

        int score() {
            return labels.size() * 10 + weight;
        }
    }

    RuleMatch explain(QueryCompiler.CompiledRule compiled, ArticleDocument doc) {
        MemoryIndex index = doc.memoryIndex(analyzer);
        IndexSearcher searcher = index.createSearcher();
        LeafReaderContext leaf = searcher.getIndexReader().leaves().get(0);
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        List<String> matched = new ArrayList<>();
        for (QueryCompiler.CompiledTerm term : compiled.terms()) {
            List<int[]> hits = hits(searcher, leaf, term.query(), doc, candidates, term.label());
            if (!hits.isEmpty() && !matched.contains(term.label())) {
                matched.add(term.label());
            }
        }
        matched.addAll(filterEvidence(compiled.rule().filters(), doc, candidates));
        Candidate best = null;
        for (Candidate c : candidates.values()) {
            if (best == null || c.score() > best.score() || (c.score() == best.score() && c.order < best.order)) {
                best = c;
            }
        }
        String evidence = best != null ? Sentences.display(best.sentence, best.focus) : fallback(doc.article());
        return new RuleMatch(compiled.rule(), matched, evidence);
    }

    private List<int[]> hits(IndexSearcher searcher, LeafReaderContext leaf, Query query, ArticleDocument doc,
                             Map<String, Candidate> candidates, String label) {
        List<int[]> out = new ArrayList<>();
        try {
            Weight weight = searcher.createWeight(searcher.rewrite(query), ScoreMode.COMPLETE_NO_SCORES, 1f);
            Matches matches = weight.matches(leaf, 0);
            if (matches == null) {
                return out;
            }
            for (String field : matches) {
                MatchesIterator it = matches.getMatches(field);
                String text = doc.text(field);
                if (it == null || text == null) {
                    continue;
                }
                while (it.next()) {
                    int start = it.startOffset();
                    int end = it.endOffset();
                    if (start < 0 || end > text.length()) {
                        continue;
                    }
                    out.add(new int[] {start, end});
                    int[] bounds = Sentences.around(text, start, end);
                    addCandidate(candidates, text.substring(bounds[0], bounds[1]), fieldWeight(field),
                            order(field, bounds[0]), start - bounds[0], label);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static void addCandidate(Map<String, Candidate> candidates, String slice, int weight, int order,
                                     int focus, String label) {
        String key = Sentences.display(slice, 0);
        if (key.isEmpty()) {
            return;
        }
        candidates.computeIfAbsent(key, k -> new Candidate(slice, weight, order, focus)).labels.add(label);
    }

    /** Body sentences first: the title is shown on the alert anyway. */
    private static int fieldWeight(String field) {
        return switch (ArticleDocument.baseField(field)) {
            case ArticleDocument.BODY -> 3;
            case ArticleDocument.SUMMARY -> 2;
            default -> 0;
        };
    }

    private static int order(String field, int offset) {
        int base = switch (ArticleDocument.baseField(field)) {
            case ArticleDocument.TITLE -> 0;
            case ArticleDocument.SUMMARY -> 1;
            default -> 2;
        };
        return base * 10_000_000 + offset;
    }

    private static List<String> filterEvidence(RuleFilters filters, ArticleDocument doc,
                                               Map<String, Candidate> candidates) {
        List<String> labels = new ArrayList<>();
        EnrichedArticle article = doc.article();
        for (String tag : filters.tags()) {
            String label = "tag:" + tag;
            labels.add(label);
            for (TagEvidence evidence : article.evidence()) {
                if (evidence.tag() != null && evidence.tag().equalsIgnoreCase(tag) && evidence.sentence() != null) {
                    addCandidate(candidates, evidence.sentence(), 2,
                            order(evidence.span() == null ? ArticleDocument.BODY : evidence.span().field(),
                                    evidence.span() == null ? 0 : evidence.span().start()), 0, label);
                }
            }
        }
        labels.addAll(entityEvidence("company", EntityType.COMPANY, filters.companies(), doc, candidates));
        labels.addAll(entityEvidence("chip", EntityType.CHIP, filters.chips(), doc, candidates));
        String site = doc.article().article().site();
        for (String wanted : filters.sites()) {
            if (site != null && site.equalsIgnoreCase(wanted)) {
                labels.add("site:" + wanted);
            }
        }
        return labels;
    }

    private static List<String> entityEvidence(String kind, EntityType type, List<String> wanted,
                                               ArticleDocument doc, Map<String, Candidate> candidates) {
        List<String> labels = new ArrayList<>();
        if (wanted.isEmpty()) {
            return labels;
        }
        RawArticle raw = doc.article().article();
        for (String value : wanted) {
            String key = value.toLowerCase(Locale.ROOT);
            for (Entity entity : doc.article().entities()) {
                if (entity.type() != type || !(key.equals(lower(entity.canonical())) || key.equals(lower(entity.id())))) {
                    continue;
                }
                String label = kind + ":" + value;
                if (!labels.contains(label)) {
                    labels.add(label);
                }
                for (Span span : entity.mentions()) {
                    String text = switch (span.field()) {
                        case Span.TITLE -> raw.title();
                        case Span.SUMMARY -> raw.summary();
                        default -> raw.body();
                    };
                    if (text != null && span.end() <= text.length()) {
                        int[] bounds = Sentences.around(text, span.start(), span.end());
                        addCandidate(candidates, text.substring(bounds[0], bounds[1]), fieldWeight(span.field()),
                                order(span.field(), bounds[0]), span.start() - bounds[0], label);
                    }
                }
            }
        }
        return labels;
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String fallback(EnrichedArticle article) {
        if (!article.evidence().isEmpty() && article.evidence().get(0).sentence() != null) {
            return Sentences.display(article.evidence().get(0).sentence(), 0);
        }
        RawArticle raw = article.article();
        String text = raw.summary() != null && !raw.summary().isBlank() ? raw.summary() : raw.title();
        return text == null ? null : Sentences.display(text, 0);
    }
}
