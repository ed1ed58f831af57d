package io.newsctl.embedded.elasticsearch;

import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.core.WhitespaceTokenizer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.AbstractTokenizerFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.PreConfiguredTokenFilter;
import org.elasticsearch.index.analysis.PreConfiguredTokenizer;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.index.analysis.TokenizerFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * The few analysis components of the unpublished {@code analysis-common} module that newsctl's
 * index settings use, under their stock names and with their stock parameters, so the same index
 * definition works on this node and on a real cluster:
 * <ul>
 *   <li>tokenizer {@code whitespace} ({@code max_token_length}, default 255) — HanLP output is
 *       pre-segmented with spaces;</li>
 *   <li>token filter {@code cjk_width} — folds full-width ASCII and half-width katakana, common in
 *       Chinese news text.</li>
 * </ul>
 * Each is registered twice, as in analysis-common: as a pre-configured component (what an analyzer
 * that only names it gets) and as a type for an explicitly configured one.
 */
public final class CommonAnalysisSubsetPlugin extends Plugin implements AnalysisPlugin {

    static final String WHITESPACE = "whitespace";
    static final String CJK_WIDTH = "cjk_width";

    @Override
    public Map<String, AnalysisProvider<TokenizerFactory>> getTokenizers() {
        return Map.of(WHITESPACE, (indexSettings, env, name, settings) -> new WhitespaceTokenizerFactory(name,
                settings.getAsInt("max_token_length", StandardAnalyzer.DEFAULT_MAX_TOKEN_LENGTH)));
    }

    @Override
    public List<PreConfiguredTokenizer> getPreConfiguredTokenizers() {
        return List.of(PreConfiguredTokenizer.singleton(WHITESPACE, WhitespaceTokenizer::new));
    }

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of(CJK_WIDTH, (indexSettings, env, name, settings) -> new CjkWidthFilterFactory(name));
    }

    @Override
    public List<PreConfiguredTokenFilter> getPreConfiguredTokenFilters() {
        return List.of(PreConfiguredTokenFilter.singleton(CJK_WIDTH, true, CJKWidthFilter::new));
    }

    private static final class WhitespaceTokenizerFactory extends AbstractTokenizerFactory {
        private final int maxTokenLength;

        WhitespaceTokenizerFactory(String name, int maxTokenLength) {
            super(name);
            this.maxTokenLength = maxTokenLength;
        }

        @Override
        public Tokenizer create() {
            return new WhitespaceTokenizer(TokenStream.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, maxTokenLength);
        }
    }

    /** Also usable in normalizers (keyword fields), like the stock filter. */
    private static final class CjkWidthFilterFactory extends AbstractTokenFilterFactory
            implements NormalizingTokenFilterFactory {
        CjkWidthFilterFactory(String name) {
            super(name);
        }

        @Override
        public TokenStream create(TokenStream input) {
            return new CJKWidthFilter(input);
        }
    }
}
