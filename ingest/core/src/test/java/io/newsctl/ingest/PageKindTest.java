package io.newsctl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Articles versus list, channel and empty pages. */
class PageKindTest {
    private static final Instant FETCHED = Instant.parse("2025-08-22T00:00:00Z");
    private final ArticleParser parser = ArticleParser.createDefault();

    private static String listPage(int items) {
        StringBuilder sb = new StringBuilder("<html><head><title>人工智能_科技圈</title></head><body><div class=\"nav\"><a href=\"/\">首页</a></div><ul>");
        for (int i = 0; i < items; i++) {
            sb.append("<li><h3><a href=\"/ai/2025/08/").append(1000 + i).append(".html\">第").append(i)
                    .append("条：国产大模型发布新版本，推理能力显著提升</a></h3><p>公司宣布新模型上线，新版本支持更长上下文，工具调用能力增强。</p>")
                    .append("<span>2025-08-21 18:02</span></li>");
        }
        return sb.append("</ul></body></html>").toString();
    }

    @Test
    void channelPageIsAListWithLinks() {
        ParsedPage page = parser.parse(listPage(12), "https://tech.kejiquan.com/ai/", FETCHED);
        assertFalse(page.isArticle());
        assertEquals("", page.body());
        assertTrue(page.links().contains("https://tech.kejiquan.com/ai/2025/08/1000.html"));
        assertTrue(page.links().size() >= 12);
    }

    @Test
    void kr36ListPageYieldsTheLinksOfItsState() {
        String html = "<html><body><div class=\"newsflash-item\"><a class=\"item-title\" href=\"/newsflashes/3390011223344551\">快讯标题</a></div>"
                + "<script>window.initialState={\"newsflashCatalogData\":{\"data\":{\"newsflashList\":{\"data\":{\"itemList\":["
                + "{\"itemId\":3390011223344551,\"route\":\"detail_newsflash?itemId=3390011223344551\"},"
                + "{\"itemId\":3390011223344552,\"route\":\"detail_newsflash?itemId=3390011223344552\"}]}}}}}</script></body></html>";
        ParsedPage page = parser.parse(html, "https://36kr.com/newsflashes", FETCHED);
        assertFalse(page.isArticle());
        assertTrue(page.links().contains("https://36kr.com/newsflashes/3390011223344552"));
    }

    @Test
    void articleWithSomeInlineLinksIsStillAnArticle() {
        String p = "<p>英伟达宣布对华特供版H20算力芯片恢复供应，<a href=\"/p/1\">AMD也计划重启向中国出口MI308芯片</a>，"
                + "国产GPU公司获得了快速进行市场验证的机会，原本依赖进口GPU的企业已开始进行芯片自研，并基于国产芯片开展测试工作。</p>";
        String html = "<html><head><title>标题</title></head><body><h1>标题</h1><div class=\"content\">" + p.repeat(6) + "</div></body></html>";
        assertTrue(parser.parse(html, "https://news.example.cn/1.html", FETCHED).isArticle());
    }

    @Test
    void pageWithoutRunningTextIsNoArticle() {
        String html = "<html><head><title>登录</title></head><body><form><input name=u><button>登录</button></form>"
                + "<div class=\"footer\">© 2025</div></body></html>";
        assertFalse(parser.parse(html, "https://news.example.cn/login", FETCHED).isArticle());
    }
}
