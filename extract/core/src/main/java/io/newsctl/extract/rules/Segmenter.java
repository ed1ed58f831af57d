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
     * @param selectiveNames     run the name recognizers only on sentences with a name cue
     */
    public record Options(boolean viterbi, boolean personRecognition, boolean translatedNames,
                          boolean placeRecognition, boolean orgRecognition, boolean knowledgeBase,
                          boolean selectiveNames) {
        public static final Options DEFAULT = new Options(true, true, true, false, false, true, true);
    }

    private final Segment segment;
    /** The same segmenter without the name recognizers, for sentences that cannot hold a kept name. */
    private final Segment plain;
    private final boolean selective;

    /**
     * Words after which, or before which, a recognised name is kept by {@link PeoplePlaces} (titles,
     * speech verbs, bylines, the transliteration dot). Sentences without any of them are segmented
     * without HanLP's name recognizers, which cost most of the segmentation time.
     */
    private static final String[] NAME_CUES = {"表示", "称", "说", "指出", "认为", "透露", "介绍", "坦言", "告诉", "强调", "回应",
        "宣布", "提到", "谈到", "谈及", "先生", "女士", "博士", "教授", "在接受", "曾", "此前", "解释", "证实", "承认", "CEO", "CTO",
        "CFO", "COO", "总裁", "董事", "创始人", "总经理", "执行官", "负责人", "分析师", "研究员", "部长", "主席", "总统", "总理",
        "院士", "经理", "主任", "记者", "合伙人", "发言人", "总监", "专家", "秘书长", "局长", "市长", "议员", "大使", "国务卿", "财长",
        "执行长", "作者", "编辑", "撰文", "责编", "口述", "整理", "·", "文/"};
    private final com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie<String> nameCues =
            new com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie<>();

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
                .enablePartOfSpeechTagging(false)
                .enableNameRecognize(options.personRecognition())
                .enableTranslatedNameRecognize(options.translatedNames())
                .enableJapaneseNameRecognize(false)
                .enablePlaceRecognize(options.placeRecognition())
                .enableOrganizationRecognize(options.orgRecognition())
                .enableNumberQuantifierRecognize(false);
        this.selective = options.selectiveNames() && options.viterbi() && (options.personRecognition() || options.translatedNames())
                && !options.placeRecognition() && !options.orgRecognition();
        this.plain = !selective ? segment : new ViterbiSegment()
                .enableCustomDictionary(dictionary)
                .enableCustomDictionaryForcing(false)
                .enableOffset(true)
                .enablePartOfSpeechTagging(false)
                .enableNameRecognize(false)
                .enableTranslatedNameRecognize(false)
                .enableJapaneseNameRecognize(false)
                .enablePlaceRecognize(false)
                .enableOrganizationRecognize(false)
                .enableNumberQuantifierRecognize(false);
        java.util.TreeMap<String, String> cues = new java.util.TreeMap<>();
        for (String c : NAME_CUES) {
            cues.put(c, c);
        }
        nameCues.build(cues);
    }

    /** The segmenter as configured, for measurements. */
    public Segment hanlp() {
        return segment;
    }

    /**
     * HanLP's terms of the normalised text, offsets included. Sentences with a name cue go through the
     * full segmenter, the others through the same segmenter without name recognition; consecutive
     * sentences of one kind are segmented together.
     */
    public List<Term> terms(FieldText f) {
        String text = f.normalized();
        if (!selective || f.sentenceCount() <= 1) {
            return segment.seg(text);
        }
        boolean[] cued = new boolean[f.sentenceCount()];
        nameCues.parseText(text.toCharArray(),
                (com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie.IHitFull<String>) (b, e, v, i) -> {
                    cued[f.sentenceOf(b)] = true;
                });
        List<Term> out = new ArrayList<>();
        int chunkStart = 0;
        boolean chunkCued = cued[0];
        for (int s = 1; s <= cued.length; s++) {
            if (s < cued.length && cued[s] == chunkCued) {
                continue;
            }
            int chunkEnd = s < cued.length ? f.sentenceStart(s) : text.length();
            Segment seg = chunkCued ? segment : plain;
            for (Term t : seg.seg(text.substring(chunkStart, chunkEnd))) {
                t.offset += chunkStart;
                out.add(t);
            }
            if (s < cued.length) {
                chunkStart = chunkEnd;
                chunkCued = cued[s];
            }
        }
        return out;
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
