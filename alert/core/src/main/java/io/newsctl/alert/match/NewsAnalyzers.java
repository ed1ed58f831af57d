package io.newsctl.alert.match;

import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis of the in-memory article document, mirroring the search index (index-core's
 * {@code settings.json}): segmented fields split on whitespace (U+200A included) and lower-cased,
 * like {@code news_segmented}; {@code *.std} fields give the recall of the index's {@code standard}
 * sub-fields when a query word is cut differently from the document. They hold the unsegmented
 * text as CJK bigrams (Latin words stay whole): a phrase of bigrams matches the same character
 * runs as the index's phrase of single characters, and bigrams make far better pre-search terms.
 */
public final class NewsAnalyzers {
    private NewsAnalyzers() {
    }

    public static Analyzer segmented() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new WhitespaceTokenizer();
                return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
            }
        };
    }

    public static Analyzer standardBigrams() {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                Tokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new CJKBigramFilter(new LowerCaseFilter(tokenizer));
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /** Per field: segmented text, std text, and keywords (values lower-cased by the document builder). */
    public static Analyzer perField() {
        Analyzer segmented = segmented();
        Analyzer std = standardBigrams();
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), Map.of(
                ArticleDocument.TITLE, segmented,
                ArticleDocument.SUMMARY, segmented,
                ArticleDocument.BODY, segmented,
                ArticleDocument.std(ArticleDocument.TITLE), std,
                ArticleDocument.std(ArticleDocument.SUMMARY), std,
                ArticleDocument.std(ArticleDocument.BODY), std));
    }
}
