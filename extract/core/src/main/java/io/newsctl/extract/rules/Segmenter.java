package io.newsctl.extract.rules;

import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Other.DoubleArrayTrieSegment;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import io.newsctl.extract.Token;
import io.newsctl.extract.kb.Alias;
import io.newsctl.extract.kb.KnowledgeBase;
import io.newsctl.extract.text.FieldText;
import io.newsctl.model.EntityType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * HanLP's Viterbi segmenter with the knowledge base in its own custom dictionary (HanLP's global one is
 * never changed), person and transliterated-name recognition on, place and organization recognition
 * off: on the evaluation set the place recognizer added no correct place (dictionary places are
 * tagged without it) at a large cost in speed, and the organization recognizer's precision on tech
 * news is poor (see {@code SegmenterComparison}). Knowledge-base mentions are then enforced as single words:
 * a word never crosses a company or chip name, and a name is never split (except at a space, which
 * the index splits on anyway). Configured once; {@link Segment#seg(String)} is thread-safe.
 */
public final class Segmenter {
    /**
     * How HanLP is configured. {@link #DEFAULT} is what the extractor uses; the others exist so the
     * choice can be measured (see {@code SegmenterComparison} in the tests).
     *
     * @param viterbi            Viterbi (shortest path with bigram statistics) rather than dictionary-only
     *                           maximum matching ({@code HanLP.newSegment("dat")})
     * @param personRecognition  HanLP's Chinese person-name recognizer
     * @param translatedNames    HanLP's transliterated-name recognizer
     * @param placeRecognition   HanLP's place recognizer (dictionary places are tagged either way)
     * @param orgRecognition     HanLP's organization recognizer
     * @param knowledgeBase      the knowledge base in the segmenter's custom dictionary
     */
    public record Options(boolean viterbi, boolean personRecognition, boolean translatedNames,
                          boolean placeRecognition, boolean orgRecognition, boolean knowledgeBase) {
        public static final Options DEFAULT = new Options(true, true, true, false, false, true);
    }

    private final Segment segment;

    /** The segmenter as the extractor uses it ({@link Options#DEFAULT}). */
    public Segmenter(KnowledgeBase kb) {
        this(kb, Options.DEFAULT);
    }

    public Segmenter(KnowledgeBase kb, Options options) {
        BinTrie<CoreDictionary.Attribute> words = new BinTrie<>();
        for (Map.Entry<String, Alias> e : kb.aliases().entrySet()) {
            Alias a = e.getValue();
            if (a.ambiguity() != Alias.PLAIN || a.kind() == Alias.Kind.TICKER) {
                continue; // never push a word that is usually something else into the segmenter
            }
            String nature = switch (a.kind()) {
                case CHIP -> "nz 1024";
                case PERSON -> "nr 1024";
                default -> "nt 1024";
            };
            for (String form : a.forms()) {
                if (form.indexOf(' ') < 0) {
                    words.put(form, CoreDictionary.Attribute.create(nature));
                }
            }
        }
        DoubleArrayTrie<CoreDictionary.Attribute> shipped = CustomDictionary.DEFAULT.dat;
        DynamicCustomDictionary dictionary = new DynamicCustomDictionary(shipped,
                options.knowledgeBase() ? words : new BinTrie<>(), null);
        Segment s = options.viterbi() ? new ViterbiSegment() : new DoubleArrayTrieSegment();
        this.segment = s.enableCustomDictionary(dictionary)
                .enableCustomDictionaryForcing(false)
                .enableOffset(true)
                .enablePartOfSpeechTagging(true)
                .enableNameRecognize(options.personRecognition())
                .enableTranslatedNameRecognize(options.translatedNames())
                .enableJapaneseNameRecognize(false)
                .enablePlaceRecognize(options.placeRecognition())
                .enableOrganizationRecognize(options.orgRecognition())
                .enableNumberQuantifierRecognize(false);
    }

    /** The segmenter as configured, for measurements. */
    public Segment hanlp() {
        return segment;
    }

    /** HanLP's terms of the normalised text, offsets included. */
    public List<Term> terms(FieldText f) {
        return segment.seg(f.normalized());
    }

    /**
     * Words of the field: HanLP's cut, then knowledge-base mentions forced to single words and
     * whitespace split off. The words cover the text exactly.
     */
    public List<Token> tokens(FieldText f, List<Term> terms, List<Mention> mentions) {
        String text = f.normalized();
        int n = text.length();
        boolean[] cut = new boolean[n + 1];
        String[] natureAt = new String[n + 1];
        cut[0] = true;
        cut[n] = true;
        for (Term t : terms) {
            if (t.offset >= 0 && t.offset <= n) {
                cut[t.offset] = true;
                natureAt[t.offset] = t.nature == null ? "x" : t.nature.toString();
            }
            int end = t.offset + t.word.length();
            if (end <= n) {
                cut[end] = true;
            }
        }
        for (Mention m : mentions) {
            for (int i = m.start() + 1; i < m.end(); i++) {
                cut[i] = false;
            }
            cut[m.start()] = true;
            cut[m.end()] = true;
            natureAt[m.start()] = natureOf(m.type());
        }
        for (int i = 1; i < n; i++) {
            if (Character.isWhitespace(text.charAt(i)) != Character.isWhitespace(text.charAt(i - 1))) {
                cut[i] = true;
            }
        }
        List<Token> out = new ArrayList<>();
        String lastNature = "x";
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (!cut[i]) {
                continue;
            }
            String nature = natureAt[start] != null ? natureAt[start] : lastNature;
            if (Character.isWhitespace(text.charAt(start))) {
                nature = "x";
            }
            out.add(new Token(text.substring(start, i), start, i, nature));
            lastNature = nature;
            start = i;
        }
        return out;
    }

    private static String natureOf(EntityType type) {
        return switch (type) {
            case CHIP -> "nz";
            case PERSON -> "nr";
            case PLACE -> "ns";
            default -> "nt";
        };
    }
}
