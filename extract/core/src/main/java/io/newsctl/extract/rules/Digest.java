package io.newsctl.extract.rules;

import io.newsctl.extract.text.FieldText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * An extractive summary: the article's best sentences in their original order, scored by the keywords
 * and entities they contain, with a bonus for the lead. Bylines, disclaimers and copyright notes never
 * qualify. Stateless and thread-safe.
 */
public final class Digest {
    private static final String[] BOILERPLATE = {"本文来自", "免责声明", "版权", "转载", "作者:", "作者：", "编辑:", "责编", "原标题",
        "图片来源", "声明:", "仅代表作者", "授权发布", "联系我们", "关注我们", "扫码", "点击", "邮箱"};
    private static final int MIN_CHARS = 15;
    private static final int MAX_CHARS = 220;

    private Digest() {
    }

    /** Up to {@code count} sentences of {@code f}, original text, concatenated in reading order. */
    public static String of(FieldText f, Set<String> keywords, List<Mention> mentions, int count) {
        record Scored(int index, double score) {
        }
        List<Scored> scored = new ArrayList<>();
        int usable = 0;
        for (int s = 0; s < f.sentenceCount(); s++) {
            int from = f.sentenceStart(s);
            int to = f.sentenceEnd(s);
            String sentence = f.normalized().substring(from, to);
            if (to - from < MIN_CHARS || to - from > MAX_CHARS || boilerplate(sentence) || !endsLikeSentence(sentence)) {
                continue;
            }
            double score = 0;
            for (String k : keywords) {
                if (sentence.contains(k)) {
                    score += 1.0;
                }
            }
            for (Mention m : mentions) {
                if (m.start() >= from && m.end() <= to) {
                    score += 0.5;
                }
            }
            score = score / Math.sqrt(Math.max(20, to - from) / 20.0);
            if (usable < 3) {
                score += 1.5 - usable * 0.5; // the lead says what the article is about
            }
            usable++;
            scored.add(new Scored(s, score));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed());
        List<Scored> best = new ArrayList<>(scored.subList(0, Math.min(count, scored.size())));
        best.sort(Comparator.comparingInt(Scored::index));
        StringBuilder out = new StringBuilder();
        for (Scored s : best) {
            out.append(f.original(), f.sentenceStart(s.index()), f.sentenceEnd(s.index()));
        }
        return out.toString();
    }

    private static boolean boilerplate(String sentence) {
        for (String b : BOILERPLATE) {
            if (sentence.contains(b)) {
                return true;
            }
        }
        return false;
    }

    private static boolean endsLikeSentence(String s) {
        char last = s.charAt(s.length() - 1);
        return "。！？!?；;”\"」)）.".indexOf(last) >= 0;
    }
}
