package io.newsctl.alert.bench;

import io.newsctl.alert.RuleDraft;
import io.newsctl.alert.RuleFilters;
import io.newsctl.index.search.QuerySegmenter;
import io.newsctl.model.ArticleIds;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.Entity;
import io.newsctl.model.EntityType;
import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import io.newsctl.model.SegmentedText;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated articles and rules for benchmarks, deterministic for a seed: a vocabulary of 20,000
 * Chinese two- and three-character words and Latin model names drawn with Zipf's law (a few words
 * are everywhere, most are rare, as in news), 12 tags, 60 companies, 40 chips. Articles have a title
 * of 12 words and a body of about 600 words (some 1,300 characters); rules mix the shapes analysts
 * write: single words, AND, OR, phrases with an exclusion, and tag / company / chip filters.
 */
public final class Corpus {
    private static final String HAN = "国产芯片算力出口许可禁令管制美国中国英伟达华为公司市场发布融资科技数据中心智能手机"
            + "服务器半导体制造工艺晶圆封装测试供应链投资订单营收利润增长下降政策商务部实体清单企业研发模型训练推理云计算"
            + "汽车电池机器人自动驾驶显卡存储内存光刻设备材料人才生态开源标准专利诉讼合作收购上市估值季度财报产能价格";
    private static final String[] TAGS = {"export-policy", "ai-chips", "funding", "earnings", "product-launch",
            "smartphones", "autos", "cloud", "semiconductor-equipment", "policy", "m-and-a", "talent"};
    private static final QuerySegmenter WHITESPACE = text -> text == null ? List.of()
            : List.of(text.strip().split("\\s+"));

    private static final int WORDS = 20_000;

    private final Random random;
    private final List<String> vocabulary = new ArrayList<>();
    private final double[] cumulative;
    private final List<String> companies = new ArrayList<>();
    private final List<String> chips = new ArrayList<>();

    public Corpus(long seed) {
        random = new Random(seed);
        java.util.Set<String> unique = new java.util.HashSet<>();
        while (vocabulary.size() < WORDS - 1_000) {
            StringBuilder word = new StringBuilder();
            for (int i = 0, n = random.nextInt(3) == 0 ? 3 : 2; i < n; i++) {
                word.append(HAN.charAt(random.nextInt(HAN.length())));
            }
            if (unique.add(word.toString())) {
                vocabulary.add(word.toString());
            }
        }
        for (int i = 0; i < 1_000; i++) {
            vocabulary.add(new String[] {"H", "MI", "A", "RTX", "Ascend", "Kunlun", "MTT S"}[i % 7] + (10 + i));
        }
        cumulative = new double[vocabulary.size()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        for (int i = 0; i < cumulative.length; i++) {
            cumulative[i] /= sum;
        }
        for (int i = 0; i < 60; i++) {
            companies.add("company-" + i);
        }
        for (int i = 0; i < 40; i++) {
            chips.add("chip-" + i);
        }
    }

    /** The segmenter matching these articles: words are separated by spaces in queries. */
    public static QuerySegmenter segmenter() {
        return WHITESPACE;
    }

    private String word() {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return vocabulary.get(lo);
    }

    /** A word past the 1,000 commonest: what analysts put in rules. */
    private String ruleWord() {
        return vocabulary.get(1_000 + random.nextInt(vocabulary.size() - 1_000));
    }

    private String segmentedText(int words) {
        List<String> tokens = new ArrayList<>();
        for (int i = 1; i <= words; i++) {
            tokens.add(word());
            if (i % 20 == 0) {
                tokens.add("。");
            } else if (i % 7 == 0) {
                tokens.add(",");
            }
        }
        return String.join(String.valueOf(SegmentedText.SEPARATOR), tokens);
    }

    public EnrichedArticle article(String url) {
        String title = segmentedText(12);
        String body = segmentedText(600);
        List<String> tags = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            tags.add(TAGS[random.nextInt(TAGS.length)]);
        }
        List<Entity> entities = new ArrayList<>();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            String c = companies.get(random.nextInt(companies.size()));
            entities.add(new Entity(EntityType.COMPANY, c, c, c, null, List.of()));
        }
        for (int i = 0, n = random.nextInt(3); i < n; i++) {
            String c = chips.get(random.nextInt(chips.size()));
            entities.add(new Entity(EntityType.CHIP, c, c, c, null, List.of()));
        }
        RawArticle raw = new RawArticle(ModelJson.SCHEMA_VERSION, ArticleIds.of(url), url, url, "bench.example.cn",
                "bench", Instant.now(), "bench", SegmentedText.unsegment(title), null, null,
                OffsetDateTime.now(ZoneOffset.ofHours(8)), null, SegmentedText.unsegment(body), "zh-Hans",
                ArticleIds.contentHash(url + body), null);
        return new EnrichedArticle(ModelJson.SCHEMA_VERSION, raw, entities, List.of(), tags, List.of(), List.of(),
                null, new SegmentedText(title, null, body), Instant.now(), "bench");
    }

    public RuleDraft rule(String id) {
        int shape = random.nextInt(100);
        String query;
        RuleFilters filters = RuleFilters.NONE;
        if (shape < 25) {
            query = ruleWord();
        } else if (shape < 60) {
            query = ruleWord() + " " + ruleWord();
        } else if (shape < 75) {
            query = ruleWord() + " OR " + ruleWord() + " OR " + ruleWord();
        } else if (shape < 80) {
            query = "\"" + ruleWord() + " " + word() + "\" -" + ruleWord();
        } else if (shape < 90) {
            query = ruleWord();
            filters = new RuleFilters(List.of(TAGS[random.nextInt(TAGS.length)]), null, null, null);
        } else {
            query = random.nextBoolean() ? "" : ruleWord();
            filters = new RuleFilters(null, List.of(companies.get(random.nextInt(companies.size()))),
                    List.of(chips.get(random.nextInt(chips.size())), chips.get(random.nextInt(chips.size()))), null);
        }
        return new RuleDraft(id, "generated " + id, query, filters, "0", null, true);
    }
}
