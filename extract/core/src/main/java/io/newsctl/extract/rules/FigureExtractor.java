package io.newsctl.extract.rules;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;
import io.newsctl.extract.kb.Cue;
import io.newsctl.extract.kb.KnowledgeBase;
import io.newsctl.extract.text.FieldText;
import io.newsctl.extract.text.Normalizer;
import io.newsctl.model.EntityType;
import io.newsctl.model.Figure;
import io.newsctl.model.FigureKind;
import io.newsctl.model.Span;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Money, percentages and counts: the number as written (full-width digits are normalised first), its
 * magnitude (万, 亿, billion …), its unit, and what the sentence says about it — the metric (营收,
 * 净利润, 市场份额 …), the company it is about, the period and whether it is a year-on-year change.
 * Immutable and thread-safe.
 */
public final class FigureExtractor {
    /** A number as written; it starts where {@link #nextNumber} says (not glued to a word, a digit or a dot). */
    private static final Pattern NUMBER = Pattern.compile("(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?");
    /** Characters that, before a digit, make it part of a word or of a number (A100, v1.5, x_2). */
    private static final String JOINS_NUMBER = "_.";
    private static final Pattern PERIOD = Pattern.compile(
            "(?:(?:19|20)\\d{2}(?:财年|会计年度|年度|年(?!\\d{1,2}月\\d{1,2}日))|今年|去年|明年|前年|上年|本年度?)"
                    + "(?:第?[一二三四1-4]季度|[上下]半年|前三季度|全年|年初|年底|年末"
                    + "|(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月份?(?![\\d一二三四五六七八九十]{1,3}日)"
                    + "|前[一二三四五六七八九十\\d]+个?月)?"
                    + "|(?:19|20)\\d{2} ?(?:Q[1-4]|H[12])"
                    + "|FY ?(?:19|20)?\\d{2}(?: ?Q[1-4])?"
                    + "|第?[一二三四1-4]财季|第?[一二三四]季度|第[一二三四]季(?!度)|[上下]半年|前三季度|前[一二三四五六七八九十]+个月");
    private static final String[] YOY = {"同比", "去年同期", "上年同期", "较去年", "较上年", "比去年", "比上年", "比前一年", "较前一年",
        "年增", "年减", "年成长", "年衰退", "年比", "yoy", "year-over-year", "year on year"};
    private static final String[][] MAGNITUDES = {{"万亿", "1000000000000"}, {"兆", "1000000000000"}, {"千亿", "100000000000"},
        {"百亿", "10000000000"},
        {"十亿", "1000000000"}, {"亿", "100000000"}, {"千万", "10000000"}, {"百万", "1000000"}, {"十万", "100000"},
        {"万", "10000"}, {"千", "1000"}};
    private static final String[][] ENGLISH_MAGNITUDES = {{" trillion", "1000000000000"}, {" billion", "1000000000"},
        {" million", "1000000"}, {" thousand", "1000"}, {"bn", "1000000000"}, {"trillion", "1000000000000"},
        {"billion", "1000000000"}, {"million", "1000000"}, {"mn", "1000000"}, {"B", "1000000000"}, {"M", "1000000"},
        {"K", "1000"}};
    private static final String[][] CURRENCY_SUFFIX = {{"元人民币", "CNY"}, {"人民币", "CNY"}, {"美元", "USD"}, {"美金", "USD"},
        {"港元", "HKD"}, {"港币", "HKD"}, {"新台币", "TWD"}, {"台币", "TWD"}, {"欧元", "EUR"}, {"日元", "JPY"}, {"日圆", "JPY"},
        {"韩元", "KRW"}, {"英镑", "GBP"}, {"澳元", "AUD"}, {"加元", "CAD"}, {"新加坡元", "SGD"}, {"卢布", "RUB"}, {"元", "CNY"}};
    private static final String[][] CURRENCY_PREFIX = {{"人民币", "CNY"}, {"新台币", "TWD"}, {"台币", "TWD"}, {"美元", "USD"},
        {"港元", "HKD"}, {"港币", "HKD"}, {"US$", "USD"}, {"HK$", "HKD"}, {"NT$", "TWD"}, {"S$", "SGD"}, {"$", "USD"},
        {"¥", "CNY"}, {"€", "EUR"}, {"£", "GBP"}, {"RMB", "CNY"}, {"USD", "USD"}, {"HKD", "HKD"}, {"TWD", "TWD"},
        {"EUR", "EUR"}, {"JPY", "JPY"}, {"CNY", "CNY"}};
    private static final String COUNT_UNITS = "枚台片张家颗块辆部款套座名位架艘";
    private static final String[] NOT_COUNT = {"部分", "部门", "台湾", "台阶", "名单", "名称", "名字", "家庭", "家族", "家居", "家电",
        "位于", "位置", "片段", "块钱", "款项", "座谈", "张开", "颗粒", "台风", "家乡", "部长", "部署", "位数", "名义", "台积电"};
    private static final String RANGE_JOINERS = "至到-~—–";
    private static final Pattern COMPOUND_REST = Pattern.compile("(\\d{1,3}(?:,\\d{3})*|\\d+)(亿|万)(?=[元美港新台人欧日韩英澳加卢])");

    private final AhoCorasickDoubleArrayTrie<Cue> metricCues = new AhoCorasickDoubleArrayTrie<>();

    public FigureExtractor(KnowledgeBase kb) {
        TreeMap<String, Cue> cues = new TreeMap<>();
        for (Cue c : kb.metricCues()) {
            cues.put(Normalizer.key(c.term()), c);
        }
        metricCues.build(cues);
    }

    /** A number with its magnitude and unit, as parsed at one position. */
    private record Quantity(int start, int end, BigDecimal value, FigureKind kind, String unit, boolean hasMagnitude,
                            BigDecimal magnitude) {
    }

    /** Figures of one field in reading order; {@code mentions} are the field's confirmed entities. */
    public List<Figure> extract(FieldText f, List<Mention> mentions) {
        String text = f.normalized();
        List<CueHit> cues = cueHits(f);
        List<Mention> companies = new ArrayList<>();
        for (Mention m : mentions) {
            if (m.type() == EntityType.COMPANY && m.field() == f && !isSource(text, m)) {
                companies.add(m);
            }
        }
        List<int[]> periods = periods(text);
        boolean[] inEntity = new boolean[text.length() + 1];
        for (Mention m : mentions) {
            java.util.Arrays.fill(inEntity, m.start(), m.end(), true);
        }
        List<Figure> out = new ArrayList<>();
        Matcher m = NUMBER.matcher(text);
        int from = 0;
        while (from < text.length() && nextNumber(m, text, from)) {
            int start = m.start();
            from = m.end();
            if (start > 0 && text.charAt(start - 1) == '第' || inEntity[start]) {
                continue;
            }
            Quantity q = quantity(text, start, m.end(), true);
            Quantity high = null;
            if (q == null || q.kind() == null) {
                // 8至9%, 10-20亿元: a bare low end takes the unit of the high end
                Quantity bare = q != null ? q : new Quantity(start, m.end(), number(m.group()), null, null, false, null);
                high = rangeHigh(text, bare.end());
                if (high == null) {
                    q = moneyWithoutUnit(f, cues, bare);
                    if (q == null) {
                        continue;
                    }
                } else {
                    BigDecimal low = number(text.substring(start, numberEnd(text, start)));
                    BigDecimal mult = bare.hasMagnitude() ? bare.magnitude() : high.magnitude();
                    q = new Quantity(start, high.end(), mult == null ? low : low.multiply(mult), high.kind(), high.unit(),
                            high.hasMagnitude(), mult);
                }
            } else {
                Quantity h = rangeHigh(text, q.end());
                if (h != null && h.kind() == q.kind() && h.unit().equals(q.unit())) {
                    high = h;
                    q = new Quantity(start, h.end(), q.value(), q.kind(), q.unit(), q.hasMagnitude(), q.magnitude());
                }
            }
            int figStart = signedStart(text, q);
            BigDecimal value = figStart < q.start() ? q.value().negate() : q.value();
            if (q.kind() == FigureKind.PERCENT && text.startsWith("个百分点", q.end())) {
                continue;
            }
            from = Math.max(from, q.end());
            out.add(describe(f, cues, companies, periods, out, q.kind(), figStart, q.end(), value,
                    high == null ? null : high.value(), q.unit()));
        }
        return out;
    }

    /** Characters a period can start with: only there is the period pattern tried. */
    private static final String PERIOD_STARTS = "12今去明前上下本第一二三四F";

    private static List<int[]> periods(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher pm = PERIOD.matcher(text);
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (PERIOD_STARTS.indexOf(text.charAt(i)) < 0 || (i > 0 && Character.isDigit(text.charAt(i - 1)))) {
                continue;
            }
            pm.region(i, n);
            if (pm.lookingAt()) {
                if (i == 0 || "较比于".indexOf(text.charAt(i - 1)) < 0) { // 较去年下降: a comparison base
                    out.add(new int[] {i, pm.end()});
                }
                i = pm.end() - 1;
            }
        }
        return out;
    }

    private static int signedStart(String text, Quantity q) {
        int s = q.start();
        if (q.kind() == FigureKind.PERCENT && s > 0 && (text.charAt(s - 1) == '-' || text.charAt(s - 1) == '−')
                && (s < 2 || !EntityRecognizer.isLatinOrDigit(text, s - 2))) {
            return s - 1;
        }
        return s;
    }

    private static int numberEnd(String text, int start) {
        if (!WordStarts.startsAt(text, start, '0', '9', JOINS_NUMBER)) {
            return start;
        }
        Matcher m = NUMBER.matcher(text).region(start, text.length());
        return m.lookingAt() ? m.end() : start;
    }

    /** Matches {@code m} to the next number at or after {@code from}; false when there is none. */
    private static boolean nextNumber(Matcher m, String text, int from) {
        int start = WordStarts.next(text, from, '0', '9', JOINS_NUMBER);
        return start >= 0 && m.region(start, text.length()).lookingAt();
    }

    private static BigDecimal number(String digits) {
        return new BigDecimal(digits.replace(",", ""));
    }

    /**
     * The quantity whose digits are {@code [start, numEnd)}: currency prefix, magnitude, unit. Returns a
     * quantity with a null kind when the number has no unit (yet).
     */
    private static Quantity quantity(String text, int start, int numEnd, boolean allowPrefix) {
        BigDecimal value = number(text.substring(start, numEnd));
        String prefixCurrency = null;
        int qStart = start;
        if (allowPrefix) {
            int p = start;
            if (p > 0 && text.charAt(p - 1) == ' ') {
                p--;
            }
            for (String[] cur : CURRENCY_PREFIX) {
                if (p >= cur[0].length() && text.startsWith(cur[0], p - cur[0].length())) {
                    int before = p - cur[0].length() - 1;
                    if (Character.isLetter(cur[0].charAt(0)) && cur[0].charAt(0) < 0x80 && before >= 0
                            && Character.isLetterOrDigit(text.charAt(before)) && text.charAt(before) < 0x80) {
                        continue; // "XUSD"
                    }
                    prefixCurrency = cur[1];
                    qStart = p - cur[0].length();
                    break;
                }
            }
        }
        int pos = numEnd;
        BigDecimal magnitude = null;
        for (String[] mag : MAGNITUDES) {
            if (text.startsWith(mag[0], pos)) {
                magnitude = new BigDecimal(mag[1]);
                pos += mag[0].length();
                break;
            }
        }
        if (magnitude == null && prefixCurrency != null) {
            for (String[] mag : ENGLISH_MAGNITUDES) {
                if (text.startsWith(mag[0], pos) && !EntityRecognizer.isLatinOrDigit(text, pos + mag[0].length())) {
                    magnitude = new BigDecimal(mag[1]);
                    pos += mag[0].length();
                    break;
                }
            }
        }
        BigDecimal scaled = magnitude == null ? value : value.multiply(magnitude);
        if (magnitude != null) {
            // 2兆7,630亿元, 1亿2000万元: a smaller part follows the larger one
            Matcher rest = COMPOUND_REST.matcher(text).region(pos, text.length());
            if (rest.lookingAt()) {
                BigDecimal restMagnitude = rest.group(2).equals("亿") ? new BigDecimal("100000000") : new BigDecimal("10000");
                if (restMagnitude.compareTo(magnitude) < 0) {
                    scaled = scaled.add(number(rest.group(1)).multiply(restMagnitude));
                    pos = rest.end();
                }
            }
        }
        if (pos < text.length() && text.charAt(pos) == '%') {
            return prefixCurrency != null ? null
                    : new Quantity(start, pos + 1, value, FigureKind.PERCENT, "%", false, null);
        }
        for (String[] cur : CURRENCY_SUFFIX) {
            if (text.startsWith(cur[0], pos)) {
                String unit = prefixCurrency != null && cur[1].equals("CNY") ? prefixCurrency : cur[1];
                return new Quantity(qStart, pos + cur[0].length(), scaled, FigureKind.MONEY, unit, magnitude != null,
                        magnitude);
            }
        }
        if (prefixCurrency != null) {
            return new Quantity(qStart, pos, scaled, FigureKind.MONEY, prefixCurrency, magnitude != null, magnitude);
        }
        if (pos < text.length() && COUNT_UNITS.indexOf(text.charAt(pos)) >= 0 && !notCount(text, pos)) {
            return new Quantity(start, pos + 1, scaled, FigureKind.COUNT, String.valueOf(text.charAt(pos)),
                    magnitude != null, magnitude);
        }
        return new Quantity(start, pos, scaled, null, null, magnitude != null, magnitude);
    }

    private static boolean notCount(String text, int pos) {
        for (String w : NOT_COUNT) {
            if (text.startsWith(w, pos)) {
                return true;
            }
        }
        return false;
    }

    /** After a low end: a joiner (至, 到, -, ~) and a high end with a unit. */
    private static Quantity rangeHigh(String text, int pos) {
        int p = pos;
        while (p < text.length() && text.charAt(p) == ' ') {
            p++;
        }
        if (p >= text.length() || RANGE_JOINERS.indexOf(text.charAt(p)) < 0) {
            return null;
        }
        p++;
        while (p < text.length() && text.charAt(p) == ' ') {
            p++;
        }
        Matcher m = NUMBER.matcher(text).region(p, text.length());
        if (!m.lookingAt()) {
            return null;
        }
        Quantity q = quantity(text, p, m.end(), false);
        return q == null || q.kind() == null ? null : q;
    }

    /** 营收258亿: an amount in 亿 without a currency, where the clause speaks of money. */
    private Quantity moneyWithoutUnit(FieldText f, List<CueHit> cues, Quantity bare) {
        if (!bare.hasMagnitude() || bare.magnitude().compareTo(new BigDecimal("100000000")) < 0) {
            return null;
        }
        String text = f.normalized();
        if (bare.end() < text.length() && Character.isLetterOrDigit(text.charAt(bare.end()))
                && text.charAt(bare.end()) != '元') {
            char next = text.charAt(bare.end());
            if (EntityRecognizer.isHan(next) && "的,，。;；、)）".indexOf(next) < 0) {
                // 3亿用户, 10亿颗: something else is counted
                return null;
            }
        }
        CueHit cue = leftCue(cues, f.clauseStart(bare.start()), bare.start());
        if (cue == null || cue.cue().cls().equals("percent") || cue.cue().cls().equals("count")) {
            return null;
        }
        return new Quantity(bare.start(), bare.end(), bare.value(), FigureKind.MONEY, "CNY", true, bare.magnitude());
    }

    private record CueHit(int start, int end, Cue cue) {
    }

    private List<CueHit> cueHits(FieldText f) {
        List<CueHit> hits = new ArrayList<>();
        metricCues.parseText(f.folded(), (AhoCorasickDoubleArrayTrie.IHitFull<Cue>) (b, e, cue, i) -> {
            hits.add(new CueHit(b, e, cue));
        });
        // keep the longest cue where cues overlap (主营业务收入, not 收入)
        hits.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(b.end(), a.end()));
        List<CueHit> out = new ArrayList<>();
        int reached = -1;
        for (CueHit h : hits) {
            if (h.end() <= reached) {
                continue;
            }
            if (h.start() < reached) {
                CueHit last = out.get(out.size() - 1);
                if (h.end() - h.start() > last.end() - last.start()) {
                    out.set(out.size() - 1, h);
                    reached = h.end();
                }
                continue;
            }
            out.add(h);
            reached = h.end();
        }
        return out;
    }

    private static CueHit leftCue(List<CueHit> cues, int from, int to) {
        CueHit best = null;
        for (CueHit c : cues) {
            if (c.start() >= from && c.end() <= to) {
                best = c;
            }
            if (c.start() >= to) {
                break;
            }
        }
        return best;
    }

    private static CueHit rightCue(List<CueHit> cues, String text, int end, int clauseEnd) {
        int p = end;
        if (p < clauseEnd && text.charAt(p) == '的') {
            p++;
        }
        for (CueHit c : cues) {
            if (c.start() >= p && c.start() <= p + 2 && c.end() <= clauseEnd) {
                return c;
            }
            if (c.start() > p + 2) {
                break;
            }
        }
        return null;
    }

    private Figure describe(FieldText f, List<CueHit> cues, List<Mention> companies, List<int[]> periods,
                            List<Figure> previous,
                            FigureKind kind, int start, int end, BigDecimal value, BigDecimal valueMax, String unit) {
        String text = f.normalized();
        int clauseStart = f.clauseStart(start);
        int clauseEnd = f.clauseEnd(Math.max(start, end - 1));
        int sentence = f.sentenceOf(start);
        int sentenceStart = f.sentenceCount() == 0 ? 0 : f.sentenceStart(sentence);

        String metric = metric(kind, cues, text, start, end, clauseStart, clauseEnd, sentenceStart);
        // year-on-year: a cue between the clause start (or the previous figure in it) and the figure
        int yoyFrom = clauseStart;
        for (Figure p : previous) {
            if (p.span().end() > yoyFrom && p.span().end() <= start) {
                yoyFrom = p.span().end();
            }
        }
        String lead = new String(f.folded(), yoyFrom, start - yoyFrom);
        boolean yoy = false;
        for (String cue : YOY) {
            if (lead.contains(cue)) {
                yoy = true;
                break;
            }
        }
        if (!yoy && precededByChange(text, start)) {
            // 比前一年103.06亿美元增长66%: the cue sits before the base figure
            String clause = new String(f.folded(), clauseStart, start - clauseStart);
            for (String cue : YOY) {
                if (clause.contains(cue)) {
                    yoy = true;
                    break;
                }
            }
        }
        if (yoy && (followedByChange(text, end) || kind != FigureKind.PERCENT && !precededByChange(text, start))) {
            yoy = false; // the base of the comparison (上年同期亏损5.30亿元), not the change
        }
        String subject = subject(f, companies, start, sentenceStart);
        String period = null;
        for (int[] p : periods) {
            if (p[0] >= sentenceStart && p[1] <= start) {
                period = text.substring(p[0], p[1]);
            } else if (p[0] >= start) {
                break;
            }
        }
        if (period != null && period.length() > 2 && period.endsWith("全年")) {
            period = period.substring(0, period.length() - 2);
        }
        return new Figure(kind, f.original().substring(start, end), value.stripTrailingZeros(),
                valueMax == null ? null : valueMax.stripTrailingZeros(), unit, metric, subject, period, yoy,
                new Span(f.field(), start, end));
    }

    private static final String[] CHANGE = {"增长", "下降", "增加", "减少", "上升", "下滑", "提升", "上涨", "下跌", "增幅", "降幅",
        "大增", "暴增", "激增", "骤降", "增", "降", "涨", "跌"};

    private static boolean precededByChange(String text, int start) {
        for (String c : CHANGE) {
            int from = start - c.length();
            if (from >= 0 && text.startsWith(c, from)) {
                return true;
            }
            if (from >= 1 && text.startsWith(c, from - 1) && "了约达为至".indexOf(text.charAt(start - 1)) >= 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean followedByChange(String text, int end) {
        for (String c : CHANGE) {
            if (text.startsWith(c, end)) {
                return true;
            }
        }
        return false;
    }

    private static String metric(FigureKind kind, List<CueHit> cues, String text, int start, int end, int clauseStart,
                                 int clauseEnd, int sentenceStart) {
        if (kind == FigureKind.PERCENT) {
            // 占员工总数的77.95%, 占营业收入的比例为18.74%: a share
            int zhan = text.lastIndexOf('占', start);
            if (zhan >= clauseStart && !text.startsWith("占据", zhan) && !text.startsWith("占领", zhan)) {
                CueHit share = leftCue(cues, zhan, start);
                if (share == null || share.cue().cls().equals("percent") || !share.cue().value().equals("市场份额")) {
                    return "占比";
                }
                return share.cue().value();
            }
        }
        CueHit right = rightCue(cues, text, end, clauseEnd);
        if (right != null) {
            String cls = right.cue().cls();
            if (kind == FigureKind.PERCENT) {
                // 71.44%主营收入, 53%的收入占比: a percentage of revenue is a share of it
                return cls.equals("percent") ? right.cue().value() : "占比";
            }
            if (!cls.equals("percent")) {
                return right.cue().value();
            }
        }
        CueHit left = leftCue(cues, clauseStart, start);
        if (left == null) {
            left = leftCue(cues, sentenceStart, clauseStart);
        }
        if (left == null) {
            return null;
        }
        String cls = left.cue().cls();
        if (kind != FigureKind.PERCENT && cls.equals("percent")) {
            return null;
        }
        if (kind == FigureKind.MONEY && cls.equals("count")) {
            return null;
        }
        return left.cue().value();
    }

    /**
     * The company the sentence attributes the figure to: the one it is bracketed after (微软(48.5万枚)),
     * else the first company of its clause, else the first of its sentence before it; when the sentence
     * names none but refers back (公司, 其) or omits its subject, the subject of the paragraph's previous
     * sentence. Sources (据Omdia, IDC数据显示) are never subjects.
     */
    private static String subject(FieldText f, List<Mention> companies, int start, int sentenceStart) {
        String text = f.normalized();
        if (start > 0 && (text.charAt(start - 1) == '(' || text.charAt(start - 1) == '（')) {
            for (Mention m : companies) {
                if (m.end() == start - 1) {
                    return m.canonical();
                }
            }
        }
        int clauseStart = f.clauseStart(start);
        for (Mention m : companies) {
            if (m.start() >= clauseStart && m.end() <= start) {
                return m.canonical();
            }
        }
        for (Mention m : companies) {
            if (m.start() >= sentenceStart && m.end() <= start) {
                return m.canonical();
            }
        }
        if (!refersBack(text.substring(sentenceStart, start))) {
            return null;
        }
        // the previous sentence of the paragraph that names a company: its first one
        for (int s = f.sentenceOf(start) - 1; s >= 0; s--) {
            int from = f.sentenceStart(s);
            int to = f.sentenceEnd(s);
            if (!f.sameParagraph(to, start)) {
                break;
            }
            for (Mention m : companies) {
                if (m.start() >= from && m.end() <= to) {
                    return m.canonical();
                }
            }
        }
        return null;
    }

    private static final String[] SOURCE_AFTER = {"数据显示", "的数据", "报告显示", "报告称", "统计", "研报", "了解", "调查", "分析师"};

    /** 据36氪了解, IDC数据显示, Counterpoint数据: a company cited as a source. */
    private static boolean isSource(String text, Mention m) {
        if (m.start() > 0 && text.charAt(m.start() - 1) == '据') {
            return true;
        }
        int after = m.end() < text.length() && text.charAt(m.end()) == '的' ? m.end() + 1 : m.end();
        for (String w : SOURCE_AFTER) {
            if (text.startsWith(w, m.end()) || text.startsWith(w, after)) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern OMITTED_SUBJECT = Pattern.compile(
            "^[^,，]{0,12}[,，]?(?:实现|录得|营收|收入|净利润|归母净利润|扣非净利润|毛利率|同比|环比)");

    private static boolean refersBack(String lead) {
        return lead.contains("公司") || lead.contains("其") || lead.startsWith("该") || OMITTED_SUBJECT.matcher(lead).find();
    }

    static Map<String, String> currencies() {
        Map<String, String> out = new TreeMap<>();
        for (String[] c : CURRENCY_SUFFIX) {
            out.put(c[0], c[1]);
        }
        return out;
    }
}
