package io.newsctl.alert;

import io.newsctl.model.ArticleIds;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.Entity;
import io.newsctl.model.EntityType;
import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import io.newsctl.model.SegmentedText;
import io.newsctl.model.Span;
import io.newsctl.model.TagEvidence;
import io.newsctl.model.Tags;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Articles for tests, shaped like extract's output: the reference export-policy article (36Kr, H20
 * supply resumed), a phone launch and a funding round. Text is segmented by a small dictionary
 * segmenter, the way extract cuts words, with U+200A between them.
 */
public final class TestArticles {
    public static final OffsetDateTime PUBLISHED = OffsetDateTime.of(2025, 7, 18, 7, 12, 0, 0, ZoneOffset.ofHours(8));

    private static final Set<String> DICTIONARY = Set.of(
            "出口", "解禁", "国产", "迎来", "破局", "契机", "英伟达", "宣布", "对华", "特供版", "算力", "芯片",
            "恢复", "供应", "美国", "政府", "已", "保证", "授予", "许可", "公司", "希望", "尽快", "交付", "随后",
            "计划", "重启", "中国", "距离", "相关", "禁令", "出台", "仅仅", "过去", "三个月", "市场", "变化",
            "总是", "预期", "来得", "更快", "华为", "发布", "折叠屏", "手机", "新款", "售价", "万元", "起",
            "机器人", "完成", "亿元", "融资", "领投", "投资", "资金", "用于", "研发", "商业化", "出口管制",
            "实体清单", "商务部", "工业", "安全局", "新增", "家", "企业", "列入", "宇树", "科技", "红杉");

    private TestArticles() {
    }

    /** Cuts text like extract does: dictionary words (longest first), Latin/digit runs, single characters. */
    public static String segment(String text) {
        if (text == null) {
            return null;
        }
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 0x3000) {
                int j = i;
                while (j < text.length() && Character.isLetterOrDigit(text.charAt(j)) && text.charAt(j) < 0x3000) {
                    j++;
                }
                tokens.add(text.substring(i, j));
                i = j;
                continue;
            }
            String word = null;
            for (int len = Math.min(5, text.length() - i); len >= 2 && word == null; len--) {
                if (DICTIONARY.contains(text.substring(i, i + len))) {
                    word = text.substring(i, i + len);
                }
            }
            word = word == null ? String.valueOf(c) : word;
            tokens.add(word);
            i += word.length();
        }
        return String.join(String.valueOf(SegmentedText.SEPARATOR), tokens);
    }

    public static final String REFERENCE_TITLE = "H20出口解禁,国产GPU迎来破局契机";
    public static final String REFERENCE_SENTENCE =
            "7月15日,英伟达宣布对华特供版H20算力芯片恢复供应,称美国政府已保证授予许可,公司希望尽快交付。";
    public static final String REFERENCE_BODY = "GPU市场的变化总是比预期来得更快。历经三个月的发展与迭代,国产GPU的市场格局已悄然改变。\n\n"
            + REFERENCE_SENTENCE + "随后,AMD也计划重启向中国出口MI308芯片。而这距离4月相关禁令出台,仅仅过去了三个月。";

    public static EnrichedArticle reference() {
        String url = "https://36kr.com/p/3383538927353221";
        List<Entity> entities = List.of(
                entity(EntityType.COMPANY, "英伟达", "英伟达", "nvidia", null, REFERENCE_BODY, "英伟达"),
                entity(EntityType.COMPANY, "AMD", "AMD", "amd", null, REFERENCE_BODY, "AMD"),
                entity(EntityType.CHIP, "H20", "H20", "nvidia-h20", "英伟达", REFERENCE_BODY, "H20"),
                entity(EntityType.CHIP, "MI308", "MI308", "amd-mi308", "AMD", REFERENCE_BODY, "MI308"));
        int start = REFERENCE_BODY.indexOf(REFERENCE_SENTENCE);
        List<TagEvidence> evidence = List.of(new TagEvidence(Tags.EXPORT_POLICY, REFERENCE_SENTENCE,
                List.of("恢复供应", "许可"), new Span(Span.BODY, start, start + REFERENCE_SENTENCE.length())));
        return article(url, REFERENCE_TITLE, null, REFERENCE_BODY, List.of(Tags.EXPORT_POLICY, "ai-chips"), evidence,
                entities);
    }

    public static EnrichedArticle phoneLaunch() {
        String body = "华为今日发布新款折叠屏手机,售价1.7万元起。新机搭载麒麟9020芯片,支持卫星通信。";
        return article("https://www.ithome.com/0/800/001.htm", "华为发布新款折叠屏手机", null, body, List.of("product-launch"),
                List.of(), List.of(entity(EntityType.COMPANY, "华为", "华为", "huawei", null, body, "华为")));
    }

    public static EnrichedArticle funding() {
        String body = "宇树科技完成7亿元融资,红杉领投。资金用于机器人研发与商业化。";
        return article("https://36kr.com/p/3300000000000001", "宇树科技完成7亿元融资", null, body, List.of("funding"),
                List.of(), List.of(entity(EntityType.COMPANY, "宇树科技", "宇树科技", "unitree", null, body, "宇树科技")));
    }

    /** An export-control article about the entity list, without chips. */
    public static EnrichedArticle entityList() {
        String body = "美国商务部工业与安全局宣布,新增23家中国企业列入实体清单。出口管制再度收紧。";
        return article("https://www.example-news.cn/2025/09/entity-list.html", "美国商务部新增23家中国企业列入实体清单", null,
                body, List.of(Tags.EXPORT_POLICY), List.of(new TagEvidence(Tags.EXPORT_POLICY,
                        "美国商务部工业与安全局宣布,新增23家中国企业列入实体清单。", List.of("实体清单"), new Span(Span.BODY, 0, 31))),
                List.of());
    }

    public static EnrichedArticle article(String url, String title, String summary, String body, List<String> tags,
                                          List<TagEvidence> evidence, List<Entity> entities) {
        String site = url.replaceFirst("https?://(www\\.)?", "").replaceFirst("/.*", "");
        RawArticle raw = new RawArticle(ModelJson.SCHEMA_VERSION, ArticleIds.of(url), url, url, site, "test",
                Instant.now(), "test", title, "作者", null, OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1),
                summary, body, "zh-Hans", ArticleIds.contentHash(body), null);
        return new EnrichedArticle(ModelJson.SCHEMA_VERSION, raw, entities, List.of(), tags, evidence, List.of(),
                null, new SegmentedText(segment(title), segment(summary), segment(body)), Instant.now(), "test");
    }

    /** The same article as a repost under another URL (ingest's dedup sets duplicateOf). */
    public static EnrichedArticle repostOf(EnrichedArticle original, String url) {
        RawArticle a = original.article();
        RawArticle raw = new RawArticle(a.schemaVersion(), ArticleIds.of(url), url, url, "repost.example.cn", a.source(),
                a.fetchedAt(), a.profile(), a.title(), a.author(), a.originalSource(), a.publishedAt(), a.summary(),
                a.body(), a.language(), a.contentHash(), a.id());
        return new EnrichedArticle(original.schemaVersion(), raw, original.entities(), original.figures(),
                original.tags(), original.evidence(), original.keywords(), original.digest(), original.segmented(),
                original.enrichedAt(), original.extractor());
    }

    /** The same article under another canonical URL (so another article id), e.g. one per test run. */
    public static EnrichedArticle withUrl(EnrichedArticle original, String url) {
        RawArticle a = original.article();
        RawArticle raw = new RawArticle(a.schemaVersion(), ArticleIds.of(url), url, url, a.site(), a.source(),
                a.fetchedAt(), a.profile(), a.title(), a.author(), a.originalSource(), a.publishedAt(), a.summary(),
                a.body(), a.language(), ArticleIds.contentHash(url + a.body()), null);
        return new EnrichedArticle(original.schemaVersion(), raw, original.entities(), original.figures(),
                original.tags(), original.evidence(), original.keywords(), original.digest(), original.segmented(),
                original.enrichedAt(), original.extractor());
    }

    public static EnrichedArticle publishedAt(EnrichedArticle original, OffsetDateTime when) {
        RawArticle a = original.article();
        RawArticle raw = new RawArticle(a.schemaVersion(), a.id(), a.url(), a.fetchedUrl(), a.site(), a.source(),
                when.toInstant(), a.profile(), a.title(), a.author(), a.originalSource(), when, a.summary(), a.body(),
                a.language(), a.contentHash(), a.duplicateOf());
        return new EnrichedArticle(original.schemaVersion(), raw, original.entities(), original.figures(),
                original.tags(), original.evidence(), original.keywords(), original.digest(), original.segmented(),
                original.enrichedAt(), original.extractor());
    }

    private static Entity entity(EntityType type, String name, String canonical, String id, String vendor, String body,
                                 String mention) {
        List<Span> spans = new ArrayList<>();
        for (int i = body.indexOf(mention); i >= 0; i = body.indexOf(mention, i + 1)) {
            spans.add(new Span(Span.BODY, i, i + mention.length()));
        }
        spans.sort(Comparator.comparingInt(Span::start));
        return new Entity(type, name, canonical, id, vendor, spans);
    }
}
