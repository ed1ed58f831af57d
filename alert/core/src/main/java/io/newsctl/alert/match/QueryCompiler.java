package io.newsctl.alert.match;

import io.newsctl.alert.InvalidRuleException;
import io.newsctl.alert.Rule;
import io.newsctl.index.search.InvalidQueryException;
import io.newsctl.index.search.QuerySegmenter;
import io.newsctl.index.search.UserQuery;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns a rule into one Lucene query, with the meaning the search API gives the same text
 * (index-core's {@code ArticleSearch}): every group of OR-ed terms must match, excluded terms must
 * not; a term is a phrase of the segmenter's words over title, summary and body, or the same
 * characters in their {@code .std} forms. One difference, for precision: a term that is a single
 * two-character word or a single Latin token matches as a word only, never as characters inside
 * other words. Tags must all be present; companies, chips and sites need one value of each list.
 */
public final class QueryCompiler {
    private final QuerySegmenter segmenter;
    private final Analyzer stdAnalyzer = NewsAnalyzers.standardBigrams();

    public QueryCompiler(QuerySegmenter segmenter) {
        this.segmenter = segmenter;
    }

    /** One term of the rule's query and its Lucene form, for telling which terms matched. */
    public record CompiledTerm(String label, Query query) {
    }

    /** A rule ready to match: the whole query and its positive terms. */
    public record CompiledRule(Rule rule, Query query, List<CompiledTerm> terms) {
    }

    public CompiledRule compile(Rule rule) {
        UserQuery parsed;
        try {
            parsed = UserQuery.parse(rule.query());
        } catch (InvalidQueryException e) {
            throw InvalidRuleException.of("query", e.getMessage());
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        List<CompiledTerm> terms = new ArrayList<>();
        int clauses = 0;
        for (List<UserQuery.Term> group : parsed.required()) {
            BooleanQuery.Builder alternatives = new BooleanQuery.Builder();
            int count = 0;
            for (UserQuery.Term term : group) {
                Optional<Query> query = termQuery(term.text());
                if (query.isPresent()) {
                    alternatives.add(query.get(), Occur.SHOULD);
                    terms.add(new CompiledTerm(label(term), query.get()));
                    count++;
                }
            }
            if (count > 0) {
                all.add(count == 1 ? terms.get(terms.size() - 1).query() : alternatives.build(), Occur.MUST);
                clauses++;
            }
        }
        for (UserQuery.Term term : parsed.excluded()) {
            termQuery(term.text()).ifPresent(q -> all.add(q, Occur.MUST_NOT));
        }
        for (String tag : rule.filters().tags()) {
            all.add(keyword(ArticleDocument.TAG, tag), Occur.MUST);
            clauses++;
        }
        clauses += anyOf(all, ArticleDocument.COMPANY, rule.filters().companies());
        clauses += anyOf(all, ArticleDocument.CHIP, rule.filters().chips());
        clauses += anyOf(all, ArticleDocument.SITE, rule.filters().sites());
        if (clauses == 0) {
            throw InvalidRuleException.of("query", "nothing to match: no searchable word and no filter");
        }
        return new CompiledRule(rule, all.build(), List.copyOf(terms));
    }

    private static String label(UserQuery.Term term) {
        return term.phrase() ? "\"" + term.text() + "\"" : term.text();
    }

    private static int anyOf(BooleanQuery.Builder all, String field, List<String> values) {
        if (values.isEmpty()) {
            return 0;
        }
        if (values.size() == 1) {
            all.add(keyword(field, values.get(0)), Occur.MUST);
            return 1;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(v -> any.add(keyword(field, v), Occur.SHOULD));
        all.add(any.build(), Occur.MUST);
        return 1;
    }

    static Query keyword(String field, String value) {
        return new TermQuery(new Term(field, value.strip().toLowerCase(Locale.ROOT)));
    }

    /** The words of a query term that can match: the segmenter's words with a letter or digit. */
    public static List<String> searchableWords(QuerySegmenter segmenter, String text) {
        return segmenter.words(text).stream()
                .map(String::strip)
                .filter(w -> !w.isEmpty() && w.codePoints().anyMatch(Character::isLetterOrDigit))
                .toList();
    }

    /** A word or phrase over the segmented fields, or the same characters over the .std fields. */
    Optional<Query> termQuery(String text) {
        List<String> words = searchableWords(segmenter, text).stream()
                .map(w -> w.toLowerCase(Locale.ROOT))
                .toList();
        if (words.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String field : ArticleDocument.TEXT_FIELDS) {
            any.add(phrase(field, words), Occur.SHOULD);
        }
        // Characters are a fallback for terms the segmenters may cut differently: a single token
        // (a two-character word, a model name) is matched as a word only, or it would also match
        // across word boundaries (国产 in 中国|产能), which costs alerts their precision.
        List<String> stdTokens = analyze(stdAnalyzer, joinForStd(words));
        if (stdTokens.size() >= 2) {
            for (String field : ArticleDocument.TEXT_FIELDS) {
                any.add(phrase(ArticleDocument.std(field), stdTokens), Occur.SHOULD);
            }
        }
        return Optional.of(any.build());
    }

    private static Query phrase(String field, List<String> tokens) {
        if (tokens.size() == 1) {
            return new TermQuery(new Term(field, tokens.get(0)));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int i = 0; i < tokens.size(); i++) {
            phrase.add(new Term(field, tokens.get(i)), i);
        }
        return phrase.build();
    }

    /** Words joined as they would stand in text: no space between two Chinese words. */
    static String joinForStd(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String word : words) {
            if (!out.isEmpty() && !(isHan(out.codePointBefore(out.length())) && isHan(word.codePointAt(0)))) {
                out.append(' ');
            }
            out.append(word);
        }
        return out.toString();
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    static List<String> analyze(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("q", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() > 0) {
                    tokens.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }
}
