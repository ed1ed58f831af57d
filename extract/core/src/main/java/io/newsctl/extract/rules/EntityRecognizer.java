package io.newsctl.extract.rules;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import io.newsctl.extract.kb.Alias;
import io.newsctl.extract.kb.Chip;
import io.newsctl.extract.kb.ChipPattern;
import io.newsctl.extract.kb.Company;
import io.newsctl.extract.kb.KnowledgeBase;
import io.newsctl.extract.kb.Person;
import io.newsctl.extract.text.FieldText;
import io.newsctl.model.EntityType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds companies, organizations, chips and known people in one field: knowledge-base aliases matched
 * with one Aho-Corasick pass, chip series patterns (昇腾 + 910C), and model numbers written right after a
 * chip vendor's name (昆仑芯第三代芯片P800). Mentions that need more context are returned as pending and
 * settled for the whole article by {@link MentionResolver}. Immutable and thread-safe.
 */
public final class EntityRecognizer {
    /** A model number after a chip vendor's name: H30, MI450, P800, M4 Pro. */
    private static final Pattern VENDOR_MODEL = Pattern.compile(
            "(?:\\s|的|新款|最新款?|新一代|最新一代|旗舰|下一代|第[一二三四五六七八九十\\d]+代|AI|芯片|GPU|加速卡|推理卡|训练卡|显卡|处理器|系列){0,3}"
                    + "(?<model>[A-Z]{1,3}\\d{1,4}[A-Z]{0,2}(?: ?(?:Pro|Max|Ultra|NVL\\d{1,3}))?)");
    /** Words after a usually-common-word alias (理想, 联想) that show it is the company. */
    private static final String[] COMPANY_CUES_AFTER = {"公司", "集团", "汽车", "手机", "股价", "股份", "财报", "CEO", "董事长",
        "创始人", "官方", "旗下", "发布", "推出", "宣布", "表示", "称", "预计", "预测", "数据显示", "报告", "统计", "指出", "认为", "总裁",
        "高管", "品牌", "控股", "科技", "智能", "机器人", "创投", "资本", "证券", "云", "在港", "港股", "美股", "签署", "达成",
        "合作", "收购", "起诉", "等车企", "等企业", "等公司", "等厂商", "等品牌", "等巨头", "车企", "厂商", "官网", "发言人"};
    private static final String ADVERBS = "则也还亦曾将已又就";
    private static final String[] COMPANY_CUES_BEFORE = {"据", "根据", "机构", "厂商", "品牌", "巨头", "企业", "公司"};

    private final AhoCorasickDoubleArrayTrie<Alias> aliases = new AhoCorasickDoubleArrayTrie<>();
    private final AhoCorasickDoubleArrayTrie<ChipPattern[]> prefixes = new AhoCorasickDoubleArrayTrie<>();
    private final Map<String, Chip> chipsById;
    private final Map<String, Alias> aliasByKey;

    public EntityRecognizer(KnowledgeBase kb) {
        aliases.build(new TreeMap<>(kb.aliases()));
        Map<String, List<ChipPattern>> byPrefix = new HashMap<>();
        for (ChipPattern p : kb.chipPatterns()) {
            byPrefix.computeIfAbsent(new String(io.newsctl.extract.text.Normalizer.foldCase(p.prefix())),
                    k -> new ArrayList<>()).add(p);
        }
        TreeMap<String, ChipPattern[]> prefixMap = new TreeMap<>();
        byPrefix.forEach((k, v) -> prefixMap.put(k, v.toArray(ChipPattern[]::new)));
        prefixes.build(prefixMap);
        chipsById = kb.chips();
        aliasByKey = kb.aliases();
    }

    /** Candidate mentions of one field, non-overlapping, in text order. */
    public List<Mention> find(FieldText f) {
        List<Candidate> candidates = new ArrayList<>();
        char[] folded = f.folded();
        String text = f.normalized();
        aliases.parseText(folded, (AhoCorasickDoubleArrayTrie.IHitFull<Alias>) (begin, end, alias, index) -> {
            Mention m = fromAlias(f, begin, end, alias);
            if (m != null) {
                candidates.add(new Candidate(m, 0));
            }
        });
        prefixes.parseText(folded, (AhoCorasickDoubleArrayTrie.IHitFull<ChipPattern[]>) (begin, end, patterns, index) -> {
            if (isLatinOrDigit(text, begin) && isLatinOrDigitAt(text, begin - 1)) {
                return;
            }
            for (ChipPattern p : patterns) {
                Matcher m = p.model().matcher(text).region(end, text.length());
                if (m.lookingAt() && !isLatinOrDigitAt(text, m.end()) && !continuesNumber(text, m.end())) {
                    candidates.add(new Candidate(patternMention(f, begin, m.end(), p, m), 1));
                    break;
                }
            }
        });
        List<Mention> selected = select(candidates);
        List<Candidate> extra = new ArrayList<>();
        for (Mention m : selected) {
            if (m.type() == EntityType.COMPANY && m.pending() == Mention.Pending.NONE) {
                Mention chip = vendorModel(f, m);
                if (chip != null) {
                    extra.add(new Candidate(chip, 2));
                }
            }
        }
        modelsBeforeChipWords(f, selected, extra);
        if (extra.isEmpty()) {
            return selected;
        }
        for (Mention m : selected) {
            extra.add(new Candidate(m, 0));
        }
        return select(extra);
    }

    private record Candidate(Mention mention, int priority) {
    }

    /** Leftmost-longest, non-overlapping; on the same span the dictionary wins over patterns. */
    private static List<Mention> select(List<Candidate> candidates) {
        candidates.sort(Comparator.comparingInt((Candidate c) -> c.mention().start())
                .thenComparingInt(c -> -(c.mention().end() - c.mention().start()))
                .thenComparingInt(Candidate::priority));
        List<Mention> out = new ArrayList<>();
        int reached = -1;
        for (Candidate c : candidates) {
            Mention m = c.mention();
            if (m.start() >= reached) {
                out.add(m);
                reached = m.end();
            }
        }
        return out;
    }

    private Mention fromAlias(FieldText f, int begin, int end, Alias alias) {
        String text = f.normalized();
        // Latin names and model numbers stand alone: not inside a longer word or number.
        if (isLatinOrDigit(text, begin) && isLatinOrDigitAt(text, begin - 1)) {
            return null;
        }
        if (isLatinOrDigit(text, end - 1) && (isLatinOrDigitAt(text, end) || continuesNumber(text, end))) {
            return null;
        }
        String surface = text.substring(begin, end);
        if (!caseAccepted(surface, alias)) {
            return null;
        }
        if (alias.ambiguity() != Alias.PLAIN && formsLongerWord(text, begin, end)) {
            return null;
        }
        Mention.Pending pending = Mention.Pending.NONE;
        switch (alias.kind()) {
            case TICKER -> {
                if (!tickerContext(text, begin, end)) {
                    return null;
                }
                Company c = alias.company();
                return new Mention(c.type(), c.id(), c.canonical(), null, null, f, begin, end, pending);
            }
            case COMPANY -> {
                Company c = alias.company();
                if (c.type() == EntityType.ORGANIZATION && end < text.length() && text.charAt(end) == '长'
                        && "部局委署厅司处".indexOf(text.charAt(end - 1)) >= 0) {
                    return null; // 美国财政部长, 商务部长: a title, not the organization
                }
                if (alias.ambiguity() == Alias.STRICT && !companyCue(text, begin, end)) {
                    pending = Mention.Pending.CONFIRMATION;
                }
                return new Mention(c.type(), c.id(), c.canonical(), null, null, f, begin, end, pending);
            }
            case CHIP -> {
                Chip chip = alias.chip();
                if (alias.weak()) {
                    if (negativeChipContext(text, end)) {
                        return null;
                    }
                    pending = Mention.Pending.CHIP_CONTEXT;
                }
                return new Mention(EntityType.CHIP, chip.id(), chip.canonical(), chip.vendor().id(),
                        chip.vendor().canonical(), f, begin, end, pending);
            }
            case PERSON -> {
                Person p = alias.person();
                return new Mention(EntityType.PERSON, p.id(), p.canonical(), null, null, f, begin, end, pending);
            }
            default -> {
                return null;
            }
        }
    }

    private Mention patternMention(FieldText f, int begin, int end, ChipPattern p, Matcher m) {
        String id = p.idFor(m);
        Chip known = chipsById.get(id);
        if (known != null) {
            return new Mention(EntityType.CHIP, known.id(), known.canonical(), known.vendor().id(),
                    known.vendor().canonical(), f, begin, end, Mention.Pending.NONE);
        }
        return new Mention(EntityType.CHIP, id, p.canonicalFor(m), p.vendor().id(), p.vendor().canonical(), f, begin,
                end, Mention.Pending.NONE);
    }

    /** 英伟达H30, 昆仑芯第三代芯片P800, 苹果M4 Pro: a model number right after a chip vendor's name. */
    private Mention vendorModel(FieldText f, Mention company) {
        String text = f.normalized();
        Alias byKey = aliasByKey.get(new String(f.folded(), company.start(), company.end() - company.start()));
        Company vendor = byKey == null ? null : byKey.company();
        if (vendor == null || !vendor.chipVendor()) {
            return null;
        }
        Matcher m = VENDOR_MODEL.matcher(text).region(company.end(), Math.min(text.length(), company.end() + 24));
        if (!m.lookingAt()) {
            return null;
        }
        int start = m.start("model");
        int end = m.end("model");
        if (isLatinOrDigitAt(text, end) || continuesNumber(text, end)) {
            return null;
        }
        String model = m.group("model");
        Alias known = aliasByKey.get(new String(f.folded(), start, end - start));
        if (known != null && known.chip() != null) {
            Chip chip = known.chip();
            if (!chip.vendor().id().equals(vendor.id())) {
                return null;
            }
            return new Mention(EntityType.CHIP, chip.id(), chip.canonical(), vendor.id(), vendor.canonical(), f, start,
                    end, Mention.Pending.NONE);
        }
        if (known != null) {
            return null; // a company or person name, not a model
        }
        String id = vendor.id() + "-" + model.toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
        return new Mention(EntityType.CHIP, id, model, vendor.id(), vendor.canonical(), f, start, end,
                Mention.Pending.NONE);
    }

    /** A model number written before a chip word (NX9031芯片, T8300处理器), not yet known. */
    private static final Pattern MODEL_CHIP_WORD = Pattern.compile(
            "(?<model>[A-Z]{1,4}\\d{2,5}[A-Z]{0,3})(?=\\s?(?:芯片|处理器|SoC|GPU|NPU|CPU|加速卡|显卡|智驾芯片|AI芯片))");
    /** Before a model number, these glue it to a longer token (v1.5-A100, X.T8300): not a model of its own. */
    private static final String JOINS_MODEL = ".-";

    /**
     * 蔚来的神玑NX9031芯片: a model number followed by a chip word is a chip even when the catalog does
     * not know it; its vendor is the last company named before it in the same clause.
     */
    private void modelsBeforeChipWords(FieldText f, List<Mention> selected, List<Candidate> extra) {
        String text = f.normalized();
        Matcher m = MODEL_CHIP_WORD.matcher(text);
        int from = 0;
        int at;
        while ((at = WordStarts.next(text, from, 'A', 'Z', JOINS_MODEL)) >= 0) {
            if (!m.region(at, text.length()).lookingAt()) {
                from = at + 1;
                continue;
            }
            from = m.end();
            int start = m.start("model");
            int end = m.end("model");
            boolean taken = false;
            for (Mention s : selected) {
                if (s.overlaps(start, end)) {
                    taken = true;
                    break;
                }
            }
            for (Candidate c : extra) {
                if (c.mention().overlaps(start, end)) {
                    taken = true;
                    break;
                }
            }
            if (taken) {
                continue;
            }
            int clause = f.clauseStart(start);
            Mention vendor = null;
            for (Mention s : selected) {
                if (s.type() == EntityType.COMPANY && s.start() >= clause && s.end() <= start
                        && s.pending() == Mention.Pending.NONE) {
                    vendor = s;
                }
            }
            if (vendor == null) {
                continue;
            }
            String model = m.group("model");
            String id = vendor.id() + "-" + model.toLowerCase(java.util.Locale.ROOT);
            Chip known = chipsById.get(id);
            extra.add(new Candidate(new Mention(EntityType.CHIP, known != null ? known.id() : id,
                    known != null ? known.canonical() : model, vendor.id(), vendor.canonical(), f, start, end,
                    Mention.Pending.NONE), 3));
        }
    }

    private static boolean caseAccepted(String surface, Alias alias) {
        if (!alias.exactForms().isEmpty()) {
            return alias.exactForms().contains(surface);
        }
        if (alias.forms().contains(surface)) {
            return true;
        }
        boolean listedHasUpper = false;
        for (String form : alias.forms()) {
            for (int i = 0; i < form.length(); i++) {
                char c = form.charAt(i);
                if (c >= 'A' && c <= 'Z') {
                    listedHasUpper = true;
                    break;
                }
            }
        }
        if (!listedHasUpper) {
            return true;
        }
        for (int i = 0; i < surface.length(); i++) {
            char c = surface.charAt(i);
            if (c >= 'a' && c <= 'z') {
                return false; // first Latin letter lower-case: "apple", "nvidia" in running text
            }
            if (c >= 'A' && c <= 'Z') {
                return true;
            }
        }
        return true;
    }

    /** 小米粥, 苹果树, 完美的: the alias is part of a longer ordinary word. */
    private static boolean formsLongerWord(String text, int begin, int end) {
        if (begin > 0 && isHan(text.charAt(begin - 1)) && isHan(text.charAt(begin))) {
            if (CoreDictionary.contains(text.substring(begin - 1, begin + 1))
                    || CoreDictionary.contains(text.substring(begin - 1, end))) {
                return true;
            }
        }
        if (end < text.length() && isHan(text.charAt(end)) && isHan(text.charAt(end - 1))) {
            if (CoreDictionary.contains(text.substring(end - 1, end + 1))
                    || CoreDictionary.contains(text.substring(begin, end + 1))) {
                return true;
            }
            if (end + 1 < text.length() && CoreDictionary.contains(text.substring(begin, end + 2))) {
                return true;
            }
        }
        return false;
    }

    private static boolean companyCue(String text, int begin, int end) {
        int after = end < text.length() && ADVERBS.indexOf(text.charAt(end)) >= 0 ? end + 1 : end;
        for (String cue : COMPANY_CUES_AFTER) {
            if (text.startsWith(cue, end) || text.startsWith(cue, after)) {
                return true;
            }
        }
        for (String cue : COMPANY_CUES_BEFORE) {
            if (begin >= cue.length() && text.startsWith(cue, begin - cue.length())) {
                return true;
            }
        }
        return false;
    }

    private static final String[] TICKER_CUES = {"股票代码", "证券代码", "代码", "NASDAQ", "Nasdaq", "NYSE", "纳斯达克", "纽交所",
        "港交所", "美股", "港股", "A股", "上交所", "深交所"};

    /** A bare ticker (NVDA, 688256) only counts in parentheses or after an exchange or code cue. */
    private static boolean tickerContext(String text, int begin, int end) {
        int from = Math.max(0, begin - 12);
        String before = text.substring(from, begin);
        for (String cue : TICKER_CUES) {
            if (before.contains(cue)) {
                return true;
            }
        }
        int open = -1;
        for (int i = begin - 1; i >= Math.max(0, begin - 16); i--) {
            char c = text.charAt(i);
            if (c == ')' || c == '）') {
                break;
            }
            if (c == '(' || c == '（') {
                open = i;
                break;
            }
        }
        if (open < 0) {
            return false;
        }
        for (int i = end; i < Math.min(text.length(), end + 16); i++) {
            char c = text.charAt(i);
            if (c == ')' || c == '）') {
                return true;
            }
            if (c == '(' || c == '（' || c == '。') {
                return false;
            }
        }
        return false;
    }

    private static final String[] NEGATIVE_AFTER = {"级", "峰会", "客机", "飞机", "航班", "公路", "高速", "国道", "标准", "认证",
        "战斗机", "导弹", "排放", "颗粒", "车型", "轿车", "赛道", "航线", "次列车", "病毒"};

    /** L4级自动驾驶, G20峰会, A380客机: what follows a short model-like name says it is not a chip. */
    private static boolean negativeChipContext(String text, int end) {
        for (String word : NEGATIVE_AFTER) {
            if (text.startsWith(word, end)) {
                return true;
            }
        }
        return false;
    }

    private static boolean continuesNumber(String text, int end) {
        return end + 1 < text.length() && text.charAt(end) == '.' && Character.isDigit(text.charAt(end + 1));
    }

    static boolean isLatinOrDigit(String text, int i) {
        if (i < 0 || i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isLatinOrDigitAt(String text, int i) {
        return isLatinOrDigit(text, i);
    }

    static boolean isHan(char c) {
        return c >= 0x3400 && c <= 0x9FFF;
    }
}
