package io.newsctl.extract.rules;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import io.newsctl.extract.kb.Cue;
import io.newsctl.extract.kb.KnowledgeBase;
import io.newsctl.extract.text.FieldText;
import io.newsctl.extract.text.Normalizer;
import io.newsctl.model.Span;
import io.newsctl.model.TagEvidence;
import io.newsctl.model.Tags;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * The {@link Tags#EXPORT_POLICY} tag. Each sentence is scored with the cue terms of
 * {@code kb/policy-cues.tsv}: a sentence is evidence when it names an export-control instrument (a
 * core cue: 出口管制, 实体清单, BIS …), or when a restriction or permission (禁令, 许可证, 断供, 解禁 …) meets
 * trade or chip context and the weights add up to at least {@value #EVIDENCE_SCORE}. Trade words alone
 * (汽车出口增长) never are. Immutable and thread-safe.
 */
public final class PolicyTagger {
    static final int EVIDENCE_SCORE = 3;

    private final AhoCorasickDoubleArrayTrie<Cue> cues = new AhoCorasickDoubleArrayTrie<>();

    public PolicyTagger(KnowledgeBase kb) {
        TreeMap<String, Cue> map = new TreeMap<>();
        for (Cue c : kb.policyCues()) {
            map.put(Normalizer.key(c.term()), c);
        }
        cues.build(map);
    }

    /** Evidence sentences of one field (empty when the field says nothing about export policy). */
    public List<TagEvidence> evidence(FieldText f) {
        record Hit(int start, int end, Cue cue) {
        }
        List<Hit> all = new ArrayList<>();
        String text = f.normalized();
        cues.parseText(f.folded(), (AhoCorasickDoubleArrayTrie.IHitFull<Cue>) (b, e, cue, i) -> {
            if (isAscii(cue.term()) && (EntityRecognizer.isLatinOrDigit(text, b - 1)
                    || EntityRecognizer.isLatinOrDigit(text, e))) {
                return; // BIS inside a longer word
            }
            if (cue.term().equals("BIS") && !text.startsWith("BIS", b)) {
                return; // only the upper-case acronym
            }
            all.add(new Hit(b, e, cue));
        });
        // leftmost-longest: 出口管制 counts once, not also as 出口 and 管制
        all.sort((x, y) -> x.start() != y.start() ? Integer.compare(x.start(), y.start())
                : Integer.compare(y.end(), x.end()));
        List<int[]> hits = new ArrayList<>();
        List<Cue> hitCues = new ArrayList<>();
        int reached = -1;
        for (Hit hit : all) {
            if (hit.start() >= reached) {
                hits.add(new int[] {hit.start(), hit.end()});
                hitCues.add(hit.cue());
                reached = hit.end();
            }
        }
        List<TagEvidence> out = new ArrayList<>();
        int h = 0;
        for (int s = 0; s < f.sentenceCount() && h < hits.size(); s++) {
            int from = f.sentenceStart(s);
            int to = f.sentenceEnd(s);
            int score = 0;
            boolean core = false;
            boolean action = false;
            boolean context = false;
            Set<String> terms = new LinkedHashSet<>();
            for (; h < hits.size() && hits.get(h)[0] < to; h++) {
                int[] hit = hits.get(h);
                if (hit[0] < from) {
                    continue;
                }
                Cue cue = hitCues.get(h);
                score += cue.weight();
                switch (cue.cls()) {
                    case "core" -> core = true;
                    case "action" -> action = true;
                    default -> context = true;
                }
                terms.add(text.substring(hit[0], hit[1]));
            }
            if (core || (action && context && score >= EVIDENCE_SCORE)) {
                out.add(new TagEvidence(Tags.EXPORT_POLICY, f.original().substring(from, to), List.copyOf(terms),
                        new Span(f.field(), from, to)));
            }
        }
        return out;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
