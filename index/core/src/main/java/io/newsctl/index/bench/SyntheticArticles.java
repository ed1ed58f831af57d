package io.newsctl.index.bench;

import io.newsctl.model.ArticleIds;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.Entity;
import io.newsctl.model.EntityType;
import io.newsctl.model.Figure;
import io.newsctl.model.FigureKind;
import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import io.newsctl.model.SegmentedText;
import io.newsctl.model.Span;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Deterministic synthetic Chinese tech news for benchmarks and tests: article {@code n} is always the
 * same. Each has ~1,300 characters (~4 KB of UTF-8), or as many as asked, of body text assembled from sentence templates (already cut into words, as
 * extract would), a handful of companies, chips and people with knowledge-base style ids, figures
 * with metrics and units, tags, a site and a publication time within two years; about one in ten is
 * a repost of an earlier article on another site ({@code duplicateOf}).
 */
public final class SyntheticArticles {
    /** name, id. */
    public record Named(String name, String id) {
    }

    public static final List<Named> COMPANIES = List.of(
            new Named("英伟达", "nvidia"), new Named("寒武纪", "cambricon"), new Named("华为", "huawei"),
            new Named("中芯国际", "smic"), new Named("台积电", "tsmc"), new Named("小米", "xiaomi"),
            new Named("阿里巴巴", "alibaba"), new Named("腾讯", "tencent"), new Named("百度", "baidu"),
            new Named("摩尔线程", "moore-threads"), new Named("海光信息", "hygon"), new Named("宁德时代", "catl"),
            new Named("比亚迪", "byd"), new Named("联想", "lenovo"), new Named("富士康", "foxconn"),
            new Named("AMD", "amd"), new Named("英特尔", "intel"), new Named("三星", "samsung"),
            new Named("SK海力士", "sk-hynix"), new Named("长江存储", "ymtc"), new Named("壁仞科技", "biren"),
            new Named("地平线", "horizon-robotics"), new Named("蔚来", "nio"), new Named("理想汽车", "li-auto"));
    /** chip name, id, vendor index in {@link #COMPANIES}. */
    public static final List<Named> CHIPS = List.of(
            new Named("H20", "nvidia-h20"), new Named("H100", "nvidia-h100"), new Named("B200", "nvidia-b200"),
            new Named("思元590", "cambricon-mlu590"), new Named("昇腾910B", "huawei-ascend-910b"),
            new Named("MI308", "amd-mi308"), new Named("麒麟9000S", "huawei-kirin-9000s"),
            new Named("骁龙8", "qualcomm-snapdragon-8"), new Named("MTT S4000", "moore-threads-s4000"),
            new Named("HBM3E", "hbm3e"), new Named("征程6", "horizon-journey-6"), new Named("深算二号", "hygon-dcu-2"));
    private static final int[] CHIP_VENDOR = {0, 0, 0, 1, 2, 15, 2, -1, 9, 18, 21, 10};
    public static final List<String> PEOPLE = List.of("黄仁勋", "雷军", "任正非", "苏姿丰", "陈天石", "余承东",
            "魏哲家", "马化腾", "李彦宏", "曾毓群");
    public static final List<String> SITES = List.of("36kr.com", "ithome.com", "jiemian.com", "huxiu.com",
            "sina.com.cn", "163.com", "qq.com", "caixin.com", "eet-china.com", "mydrivers.com");
    public static final List<String> SOURCES = List.of("36氪", "晚点LatePost", "财新", "界面新闻", "虎嗅", "芯东西",
            "半导体行业观察", "IT之家");
    public static final List<String> TAGS = List.of("export-policy", "earnings", "funding", "ai-compute",
            "smartphones", "autos", "memory", "foundry");
    private static final List<String> METRICS = List.of("营收", "净利润", "出货量", "市场份额", "毛利率", "研发投入");
    private static final List<String> PERIODS = List.of("2024年", "2025年", "一季度", "二季度", "上半年", "2025财年");
    private static final List<String> TOPICS = List.of("算力", "大模型", "数据中心", "国产替代", "供应链", "先进制程",
            "出口管制", "智能驾驶", "端侧AI", "存储芯片", "服务器", "融资", "财报", "光刻机", "封装");
    private static final String[] VERBS = {"宣布", "表示", "披露", "透露", "确认", "预计"};

    /**
     * Sentence templates, words separated by spaces. Slots: {C} company, {P} chip, {M} person,
     * {T} topic, {V} verb, {F} figure.
     */
    private static final List<String> TEMPLATES = List.of(
            "{C} {V} ， {F} ， 主要 受益 于 {T} 需求 的 持续 增长 。",
            "据 知情 人士 透露 ， {C} 正在 与 {C} 洽谈 {P} 的 采购 协议 ， 涉及 {T} 业务 。",
            "{M} 在 发布会 上 表示 ， {P} 将 在 {T} 领域 全面 铺开 ， 并 优先 供应 国内 客户 。",
            "分析师 认为 ， {T} 仍 是 {C} 未来 两 年 最 重要 的 增长 引擎 ， 但 {T} 存在 不确定性 。",
            "{C} 的 {P} 在 多 项 基准 测试 中 超过 了 上一代 产品 ， 功耗 下降 明显 。",
            "受 {T} 影响 ， {C} 下调 了 全年 预期 ， {F} 。",
            "业内 人士 指出 ， {P} 的 供货 节奏 将 直接 决定 {C} 在 {T} 市场 的 份额 。",
            "{C} 与 {C} 在 {T} 方面 展开 合作 ， 双方 将 共同 推进 {P} 的 适配 工作 。",
            "报告 显示 ， {F} ， 其中 {T} 相关 收入 占比 继续 提升 。",
            "{M} 透露 ， 公司 今年 在 {T} 上 的 投入 将 继续 加大 ， {F} 。",
            "美国 商务部 更新 了 出口管制 规则 ， {P} 等 产品 对华 出口 需要 申请 许可证 。",
            "{C} 股价 当日 收涨 ， 市场 对 其 {T} 布局 给予 积极 回应 。",
            "从 产业链 来看 ， {T} 的 瓶颈 主要 在 {P} 和 高带宽 内存 的 产能 。",
            "{C} 方面 回应 称 ， 相关 {T} 项目 进展 顺利 ， 不 存在 停工 情况 。",
            "值得 注意 的 是 ， {C} 在 {T} 上 的 专利 数量 已 位居 行业 前列 。",
            "多家 券商 研报 指出 ， {F} ， 高于 市场 此前 预期 。");
    private static final String SEP = String.valueOf(SegmentedText.SEPARATOR);

    private final long seed;

    public SyntheticArticles(long seed) {
        this.seed = seed;
    }

    /** Words a researcher would search these articles for: companies, chips and topics. */
    public static List<String> queryWords() {
        List<String> words = new ArrayList<>();
        COMPANIES.forEach(c -> words.add(c.name()));
        CHIPS.forEach(c -> words.add(c.name()));
        words.addAll(TOPICS);
        return List.copyOf(words);
    }

    /** Article number {@code n} (≥ 0), with ~1,300 characters of body. */
    public EnrichedArticle article(long n) {
        return article(n, 1300);
    }

    /**
     * Article number {@code n} (≥ 0) with at least {@code bodyChars} characters of body; for the
     * same {@code bodyChars}, always the same article. Its {@link EnrichedArticle#article() raw
     * article} is what ingest would publish (the body as plain text).
     */
    public EnrichedArticle article(long n, int bodyChars) {
        Random random = new Random(seed * 1_000_003L + n);
        if (n >= 10 && random.nextInt(10) == 0) {
            long original = Math.floorMod(random.nextLong(), n);
            return repost(article(original, bodyChars), n, random);
        }
        List<Named> companies = pick(random, COMPANIES, 2 + random.nextInt(4));
        List<Named> chips = pick(random, CHIPS, random.nextInt(4));
        List<String> people = pick(random, PEOPLE, random.nextInt(3));
        List<String> tags = pick(random, TAGS, 1 + random.nextInt(3));
        List<Figure> figures = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        List<String> bodyWords = new ArrayList<>();
        while (body.length() < bodyChars) {
            String template = TEMPLATES.get(random.nextInt(TEMPLATES.size()));
            for (String slot : template.split(" ")) {
                String words = switch (slot) {
                    case "{C}" -> companies.get(random.nextInt(companies.size())).name();
                    case "{P}" -> chips.isEmpty() ? "GPU" : chips.get(random.nextInt(chips.size())).name();
                    case "{M}" -> people.isEmpty() ? "公司 高管" : people.get(random.nextInt(people.size()));
                    case "{T}" -> TOPICS.get(random.nextInt(TOPICS.size()));
                    case "{V}" -> VERBS[random.nextInt(VERBS.length)];
                    case "{F}" -> figure(random, companies, figures, body.length());
                    default -> slot;
                };
                for (String word : words.split(" ")) {
                    bodyWords.add(word);
                    body.append(word);
                }
            }
            if (random.nextInt(5) == 0) {
                bodyWords.add("\n\n");
                body.append("\n\n");
            }
        }
        Named lead = companies.get(0);
        String topic = TOPICS.get(random.nextInt(TOPICS.size()));
        List<String> titleWords = chips.isEmpty()
                ? List.of(lead.name(), topic, "业务", "迎来", "新", "进展")
                : List.of(lead.name(), chips.get(0).name(), topic, "最新", "进展", "曝光");
        List<String> summaryWords = bodyWords.subList(0, Math.min(40, bodyWords.size()));
        String url = "https://" + SITES.get(random.nextInt(SITES.size())) + "/p/" + n;
        OffsetDateTime published = OffsetDateTime.of(2024, 1, 1, 8, 0, 0, 0, ZoneOffset.ofHours(8))
                .plusMinutes(random.nextInt(2 * 365 * 24 * 60));
        String bodyText = body.toString();
        RawArticle raw = new RawArticle(ModelJson.SCHEMA_VERSION, ArticleIds.of(url), url, url, host(url), "synthetic",
                Instant.parse("2026-01-01T00:00:00Z"), "generic", String.join("", titleWords),
                people.isEmpty() ? "记者" + (n % 97) : people.get(0), random.nextInt(3) == 0
                        ? SOURCES.get(random.nextInt(SOURCES.size())) : null,
                published, String.join("", summaryWords), bodyText, "zh-Hans", ArticleIds.contentHash(bodyText), null);
        List<Entity> entities = new ArrayList<>();
        for (Named c : companies) {
            entities.add(entity(EntityType.COMPANY, c.name(), c.id(), null, bodyText));
        }
        for (Named chip : chips) {
            int vendor = CHIP_VENDOR[CHIPS.indexOf(chip)];
            entities.add(entity(EntityType.CHIP, chip.name(), chip.id(), vendor < 0 ? null : COMPANIES.get(vendor).name(),
                    bodyText));
        }
        for (String person : people) {
            entities.add(entity(EntityType.PERSON, person, null, null, bodyText));
        }
        SegmentedText segmented = new SegmentedText(String.join(SEP, titleWords), String.join(SEP, summaryWords),
                String.join(SEP, bodyWords));
        Set<String> keywords = new LinkedHashSet<>();
        keywords.add(topic);
        companies.forEach(c -> keywords.add(c.name()));
        return new EnrichedArticle(ModelJson.SCHEMA_VERSION, raw, entities, figures, tags, List.of(),
                List.copyOf(keywords), bodyText.substring(0, Math.min(120, bodyText.length())), segmented,
                Instant.parse("2026-01-01T00:00:01Z"), "synthetic/1");
    }

    private EnrichedArticle repost(EnrichedArticle original, long n, Random random) {
        RawArticle o = original.article();
        String site = SITES.get(random.nextInt(SITES.size()));
        String url = "https://" + site + "/repost/" + n;
        RawArticle raw = new RawArticle(o.schemaVersion(), ArticleIds.of(url), url, url, site, o.source(),
                o.fetchedAt(), o.profile(), o.title(), o.author(),
                o.originalSource() != null ? o.originalSource() : SOURCES.get(random.nextInt(SOURCES.size())),
                o.publishedAt().plusHours(1 + random.nextInt(48)), o.summary(), o.body(), o.language(),
                o.contentHash(), o.duplicateOf() != null ? o.duplicateOf() : o.id());
        return new EnrichedArticle(original.schemaVersion(), raw, original.entities(), original.figures(),
                original.tags(), original.evidence(), original.keywords(), original.digest(), original.segmented(),
                original.enrichedAt(), original.extractor());
    }

    private static String figure(Random random, List<Named> companies, List<Figure> figures, int offset) {
        String metric = METRICS.get(random.nextInt(METRICS.size()));
        String period = PERIODS.get(random.nextInt(PERIODS.size()));
        String subject = companies.get(random.nextInt(companies.size())).name();
        String text;
        BigDecimal value;
        String unit;
        FigureKind kind;
        switch (metric) {
            case "市场份额", "毛利率" -> {
                value = BigDecimal.valueOf(5 + random.nextInt(600), 1);
                text = value.toPlainString() + "%";
                unit = "%";
                kind = FigureKind.PERCENT;
            }
            case "出货量" -> {
                int wan = 1 + random.nextInt(5000);
                value = BigDecimal.valueOf(wan * 10_000L);
                text = wan + "万台";
                unit = "台";
                kind = FigureKind.COUNT;
            }
            default -> {
                int tenths = 1 + random.nextInt(9999);
                BigDecimal yi = BigDecimal.valueOf(tenths, 1);
                value = yi.multiply(BigDecimal.valueOf(100_000_000L)).stripTrailingZeros();
                boolean usd = random.nextInt(4) == 0;
                text = yi.toPlainString() + (usd ? "亿美元" : "亿元");
                unit = usd ? "USD" : "CNY";
                kind = FigureKind.MONEY;
            }
        }
        figures.add(new Figure(kind, text, value, null, unit, metric, subject, period, false,
                new Span(Span.BODY, offset, offset + text.length())));
        return period + " " + metric + " 为 " + text;
    }

    private static Entity entity(EntityType type, String name, String id, String vendor, String body) {
        int at = body.indexOf(name);
        List<Span> mentions = at < 0 ? List.of() : List.of(new Span(Span.BODY, at, at + name.length()));
        return new Entity(type, name, name, id, vendor, mentions);
    }

    private static <T> List<T> pick(Random random, List<T> from, int count) {
        List<T> pool = new ArrayList<>(from);
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count && !pool.isEmpty(); i++) {
            out.add(pool.remove(random.nextInt(pool.size())));
        }
        return out;
    }

    private static String host(String url) {
        int start = url.indexOf("//") + 2;
        return url.substring(start, url.indexOf('/', start));
    }
}
