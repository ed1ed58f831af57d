package io.newsctl.extract.rules;

import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.stopword.CoreStopWordDictionary;
import io.newsctl.extract.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Salient words: nouns and names weighted by frequency in the article (title counts thrice) and rarity
 * in HanLP's core dictionary; knowledge-base names count under their canonical form. Junk is filtered:
 * single characters, numbers, units, punctuation, stop words and generic news words. Thread-safe.
 */
public final class Keywords {
    private static final Set<String> GENERIC = Set.of("公司", "市场", "行业", "企业", "产品", "问题", "情况", "时间", "方面", "人士",
            "数据", "报告", "本文", "作者", "来源", "记者", "编辑", "表示", "显示", "消息", "方式", "部分", "内容", "原因", "影响", "发展",
            "领域", "国内", "全球", "今年", "去年", "目前", "未来", "此前", "近日", "同比", "增长", "成为", "相关", "主要", "业务", "能力",
            "用户", "版权", "声明", "免责声明", "材料", "邮箱", "名字", "观点", "原创者", "转载", "文章", "分享", "图片", "客户", "需求",
            "一位", "多位", "业内", "水平", "结果", "过程", "阶段", "计划", "工作", "项目", "机会", "答案", "焦点", "大众", "笔者",
            "系列", "季度", "一季度", "二季度", "三季度", "四季度", "上半年", "下半年", "首批", "最大", "CEO", "CFO", "CTO", "厂商",
            "GW", "MW", "TOPS", "nm", "GB", "TB", "Pro", "Max", "Ultra", "Plus", "新高", "我国", "期内", "报告期");

    private Keywords() {
    }

    /** One word of the article and whether it is in the title. */
    public record Occurrence(Token token, boolean title, String canonical) {
    }

    /** The top {@code limit} keywords, best first. */
    public static List<String> top(List<Occurrence> words, int limit) {
        Map<String, Double> tf = new LinkedHashMap<>();
        for (Occurrence o : words) {
            String key = o.canonical() != null ? o.canonical() : candidate(o.token());
            if (key == null) {
                continue;
            }
            tf.merge(key, o.title() ? 3.0 : 1.0, Double::sum);
        }
        Map<String, Double> score = new HashMap<>();
        for (Map.Entry<String, Double> e : tf.entrySet()) {
            int freq = CoreDictionary.getTermFrequency(e.getKey());
            double idf = Math.log(1.0 + 100_000.0 / (freq + 10.0));
            score.put(e.getKey(), e.getValue() * idf);
        }
        List<String> out = new ArrayList<>(score.keySet());
        out.sort((a, b) -> Double.compare(score.get(b), score.get(a)));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : List.copyOf(out);
    }

    /** The keyword form of an ordinary word, or null when it cannot be a keyword. */
    static String candidate(Token t) {
        String w = t.word();
        String nature = t.nature();
        if (w.length() < 2 || GENERIC.contains(w)) {
            return null;
        }
        if (!(nature.startsWith("n") || nature.equals("vn") || nature.startsWith("g"))) {
            return null;
        }
        boolean letters = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c)) {
                letters = true;
            } else if (!Character.isDigit(c) && c != '-' && c != '.') {
                return null;
            }
        }
        if (!letters || CoreStopWordDictionary.contains(w)) {
            return null;
        }
        if (w.length() == 2 && w.chars().allMatch(c -> c < 0x80) && w.chars().noneMatch(Character::isUpperCase)) {
            return null;
        }
        return w;
    }
}
