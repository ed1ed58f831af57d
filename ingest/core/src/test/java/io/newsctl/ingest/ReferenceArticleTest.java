package io.newsctl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.model.ArticleIds;
import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The reference 36Kr article (a WeChat repost) read from samples/pages/36kr. */
class ReferenceArticleTest {
    private static final Instant FETCHED = Instant.parse("2025-07-18T10:30:00Z");
    private static final String URL = "https://36kr.com/p/3386107931734151";
    private final ArticleParser parser = ArticleParser.createDefault();

    private ParsedPage parse() {
        return parser.parse(Samples.bytes("pages/36kr/h20-domestic-gpu.html"), "text/html; charset=utf-8",
                URL + "?utm_source=wechat&channel=share", FETCHED);
    }

    @Test
    void readsTheMetadataOfTheRepost() {
        ParsedPage page = parse();
        assertTrue(page.isArticle());
        assertEquals("36kr", page.profile());
        assertEquals(URL, page.url());
        assertEquals("H20出口解禁,国产GPU迎来破局契机", page.title());
        assertEquals("丰宁", page.author());
        assertEquals("半导体产业纵横", page.originalSource());
        assertEquals(OffsetDateTime.parse("2025-07-18T07:12+08:00"), page.publishedAt());
        assertEquals("zh-Hans", page.language());
    }

    @Test
    void bodyIsTheArticleTextOnly() {
        String body = parse().body();
        assertTrue(body.startsWith("GPU市场的变化总是比预期来得更快。"), body.substring(0, 40));
        assertTrue(body.endsWith("GPU市场的竞争将会更加激烈。"));
        assertTrue(body.contains("\n\n上半年,国产GPU订单火爆\n\n"), "section headings are kept as paragraphs");
        assertTrue(body.contains("摩尔线程招股书显示"), "company links keep their text");
        for (String junk : new String[] {"免责声明", "本文来自微信公众号", "本文仅代表作者观点", "相关阅读", "图片来源",
            "芯片观察者", "24小时热榜", "分享到", "京ICP备"}) {
            assertFalse(body.contains(junk), junk);
        }
        assertFalse(body.contains("\u200a"));
        for (String para : body.split("\n\n")) {
            assertFalse(para.isBlank());
            assertFalse(para.contains("\n"));
        }
    }

    @Test
    void becomesARawArticle() {
        ParsedPage page = parse();
        RawArticle raw = RawArticles.toRawArticle(page, URL + "?utm_source=wechat", "samples", FETCHED);
        assertEquals(ArticleIds.of(URL), raw.id());
        assertEquals("36kr.com", raw.site());
        assertEquals(ModelJson.SCHEMA_VERSION, raw.schemaVersion());
        assertEquals(Fingerprint.contentHash(page.body()), raw.contentHash());
        assertEquals(64, raw.contentHash().length());
    }
}
