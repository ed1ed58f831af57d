package io.newsctl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Each extraction profile on a small inline page. */
class ProfilesTest {
    private static final Instant FETCHED = Instant.parse("2025-07-18T02:00:00Z"); // 10:00 in Shanghai
    private static final String P1 = "7月15日，英伟达宣布对华特供版H20算力芯片恢复供应，称美国政府已保证授予许可，公司希望尽快交付。随后，AMD也计划重启向中国出口MI308芯片。";
    private static final String P2 = "此消息引发了行业内的广泛讨论，“此次恢复供应是否会冲击到国产GPU？”成为大众关注的焦点。在探寻这个问题的答案之前，先来了解一下上半年国产GPU市场的情况。";
    private static final String P3 = "对于英伟达、AMD两大GPU龙头来说，相关产品重返中国市场无疑是利好。然而，经过三个月的发展与迭代，国产GPU的市场格局已悄然改变。";
    private final ArticleParser parser = ArticleParser.createDefault();

    @Test
    void kr36DomWithoutState() {
        String html = "<html><head><title>t-36氪</title></head><body>"
                + "<h1 class=\"article-title\">国产GPU迎来破局契机</h1>"
                + "<div class=\"article-title-icon\"><a class=\"title-icon-item item-a\">丰宁</a>"
                + "<span class=\"title-icon-item item-time\">·昨天 21:15</span></div>"
                + "<div class=\"summary\">摘要一句话。</div>"
                + "<div class=\"common-width content articleDetailContent kr-rich-text-wrapper\"><p>" + P1 + "</p><p>" + P2
                + "</p><p class=\"img-desc\">图片来源：视觉中国</p><p>" + P3 + "</p></div></body></html>";
        ParsedPage page = parser.parse(html, "https://36kr.com/p/3386107931734151", FETCHED);
        assertEquals("36kr", page.profile());
        assertTrue(page.isArticle());
        assertEquals("国产GPU迎来破局契机", page.title());
        assertEquals("丰宁", page.author());
        assertEquals("36氪", page.originalSource());
        assertEquals(OffsetDateTime.parse("2025-07-17T21:15+08:00"), page.publishedAt());
        assertEquals("摘要一句话。", page.summary());
        assertEquals(P1 + "\n\n" + P2 + "\n\n" + P3, page.body());
    }

    @Test
    void kr36StateWhenTheDomHasNoArticle() {
        String state = "{\"articleDetail\":{\"articleDetailData\":{\"data\":{\"itemId\":3386107931734151,"
                + "\"widgetTitle\":\"国产GPU迎来破局契机\",\"author\":\"丰宁\",\"publishTime\":1752793920000,"
                + "\"widgetContent\":\"<p>" + P1 + "</p><p>" + P2 + "</p>\"}}}}";
        String html = "<html><body><div id=\"app\"></div><script>window.initialState=" + state + ";window.x=1</script></body></html>";
        ParsedPage page = parser.parse(html, "https://36kr.com/p/3386107931734151", FETCHED);
        assertTrue(page.isArticle());
        assertEquals("国产GPU迎来破局契机", page.title());
        assertEquals("丰宁", page.author());
        assertEquals(OffsetDateTime.parse("2025-07-18T07:12+08:00"), page.publishedAt());
        assertEquals(P1 + "\n\n" + P2, page.body());
    }

    @Test
    void kr36StatePublishTimeBeatsTheDomTime() {
        String html = "<html><body><h1 class=\"article-title\">标题</h1><span class=\"title-icon-item item-time\">3小时前</span>"
                + "<div class=\"articleDetailContent kr-rich-text-wrapper\"><p>" + P1 + "</p></div>"
                + "<script>window.initialState={\"articleDetail\":{\"articleDetailData\":{\"data\":{\"publishTime\":1752793920000}}}}</script></body></html>";
        ParsedPage page = parser.parse(html, "https://36kr.com/p/3386107931734151", FETCHED);
        assertEquals(OffsetDateTime.parse("2025-07-18T07:12+08:00"), page.publishedAt());
    }

    @Test
    void weChatArticle() {
        String html = "<html><head><meta name=\"author\" content=\"陈默\"><meta property=\"og:site_name\" content=\"微信公众平台\"></head><body>"
                + "<h1 class=\"rich_media_title\" id=\"activity-name\"> HBM产能之争 </h1>"
                + "<div id=\"meta_content\"><span class=\"rich_media_meta rich_media_meta_text\">陈默</span>"
                + "<a id=\"js_name\">芯片前沿观察</a><em id=\"publish_time\"></em></div>"
                + "<div class=\"rich_media_content\" id=\"js_content\" style=\"visibility: hidden;\"><section><span>" + P1
                + "</span></section><p><span>" + P2 + "</span></p></div>"
                + "<script>var nickname = htmlDecode(\"芯片前沿观察\"); var ct = \"1755675000\";</script></body></html>";
        ParsedPage page = parser.parse(html, "https://mp.weixin.qq.com/s/abcDEF123", FETCHED.plusSeconds(86400 * 10));
        assertEquals("wechat", page.profile());
        assertEquals("HBM产能之争", page.title());
        assertEquals("陈默", page.author());
        assertEquals("芯片前沿观察", page.originalSource());
        assertEquals(OffsetDateTime.parse("2025-08-20T15:30+08:00"), page.publishedAt());
        assertEquals(P1 + "\n\n" + P2, page.body());
    }

    @Test
    void weChatPublishTimeElement() {
        String html = "<html><body><h1 id=\"activity-name\">标题</h1><a id=\"js_name\">汽车科技评论</a>"
                + "<em id=\"publish_time\">2025年7月17日 19:30</em><div id=\"js_content\"><p>" + P1 + "</p></div></body></html>";
        ParsedPage page = parser.parse(html, "https://mp.weixin.qq.com/s/xyz", FETCHED);
        assertEquals(OffsetDateTime.parse("2025-07-17T19:30+08:00"), page.publishedAt());
        assertEquals("汽车科技评论", page.originalSource());
    }

    @Test
    void jsonLdNewsArticle() {
        String html = "<html><head><title>小米二季度营收创新高 - 科技讯</title><script type=\"application/ld+json\">"
                + "{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\"小米二季度营收创新高\","
                + "\"datePublished\":\"2025-07-17T13:46:00Z\",\"author\":[{\"@type\":\"Person\",\"name\":\"周文清\"}],"
                + "\"publisher\":{\"@type\":\"Organization\",\"name\":\"科技讯\"}}</script></head><body>"
                + "<div class=\"nav\"><a href=\"/\">首页</a><a href=\"/tech\">科技</a></div>"
                + "<div class=\"article\"><h1>小米二季度营收创新高</h1><div class=\"content\"><p>" + P1 + "</p><p>" + P2 + "</p></div></div>"
                + "</body></html>";
        ParsedPage page = parser.parse(html, "https://www.kejixun.cn/a/1.html", FETCHED);
        assertEquals("json-ld", page.profile());
        assertEquals("小米二季度营收创新高", page.title());
        assertEquals("周文清", page.author());
        assertEquals("科技讯", page.originalSource());
        assertEquals(OffsetDateTime.parse("2025-07-17T13:46Z"), page.publishedAt(), "an explicit offset is kept");
        assertEquals(P1 + "\n\n" + P2, page.body());
    }

    @Test
    void brokenJsonLdIsIgnored() {
        String html = "<html><head><title>标题</title><script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":</script>"
                + "</head><body><h1>标题</h1><div><p>" + P1 + "</p><p>" + P2 + "</p></div></body></html>";
        ParsedPage page = parser.parse(html, "https://news.example.cn/a/1.html", FETCHED);
        assertTrue(page.isArticle());
        assertEquals("generic", page.profile());
    }

    @Test
    void openGraphArticle() {
        String html = "<html><head><title>RISC-V服务器芯片的2025 | 芯见</title>"
                + "<meta property=\"og:type\" content=\"article\"><meta property=\"og:title\" content=\"RISC-V服务器芯片的2025\">"
                + "<meta property=\"og:site_name\" content=\"芯见\"><meta property=\"article:published_time\" content=\"2025-07-16T20:15:00+08:00\">"
                + "<meta property=\"article:author\" content=\"林一舟\"></head><body><article><p>" + P1 + "</p><p>" + P2
                + "</p></article></body></html>";
        ParsedPage page = parser.parse(html, "https://blog.chipinsight.net/posts/riscv/", FETCHED);
        assertEquals("opengraph", page.profile());
        assertEquals("RISC-V服务器芯片的2025", page.title());
        assertEquals("林一舟", page.author());
        assertEquals("芯见", page.originalSource());
        assertEquals(OffsetDateTime.parse("2025-07-16T20:15+08:00"), page.publishedAt());
    }

    @Test
    void genericPortalWithDateline() {
        String html = "<html><head><title>宁德时代上半年净利305亿元_证券快报</title></head><body>"
                + "<div id=\"nav\"><a href=\"/\">首页</a> <a href=\"/stock/\">股票</a> <a href=\"/tech/\">科技</a></div>"
                + "<div class=\"main\"><h1>宁德时代上半年净利305亿元</h1>"
                + "<div class=\"info\"><span>2025-07-17 10:22</span><span>来源：证券时报网</span><span>作者：李娜</span></div>"
                + "<div class=\"text\"><p>" + P1 + "</p><p>" + P2 + "</p><p>" + P3 + "</p><p>责任编辑：刘畅</p></div>"
                + "<div class=\"side\"><h3>排行</h3><a href=\"/a\">一条很长的热门新闻标题在这里</a></div></div></body></html>";
        ParsedPage page = parser.parse(html, "https://www.zqkb.com.cn/tech/1.html", FETCHED);
        assertEquals("generic", page.profile());
        assertEquals("宁德时代上半年净利305亿元", page.title());
        assertEquals("李娜", page.author());
        assertEquals("证券时报网", page.originalSource());
        assertEquals(OffsetDateTime.parse("2025-07-17T10:22+08:00"), page.publishedAt());
        assertEquals(P1 + "\n\n" + P2 + "\n\n" + P3, page.body());
    }

    @Test
    void imageCaptionsAreNotText() {
        String html = "<html><body><h1>标题</h1><div class=\"content\"><p>" + P1 + "</p>"
                + "<p class=\"img-desc\">英伟达H20芯片</p><div class=\"pic_desc\">摩尔线程MTT S80显卡</div>"
                + "<figure><img src=\"a.jpg\"><figcaption>寒武纪思元590</figcaption></figure><p>" + P2 + "</p></div></body></html>";
        ParsedPage page = parser.parse(html, "https://news.example.cn/c.html", FETCHED);
        assertEquals(P1 + "\n\n" + P2, page.body());
    }

    @Test
    void weChatCreateTimeVariable() {
        String html = "<html><body><h1 id=\"activity-name\">标题</h1><a id=\"js_name\">芯东西</a><div id=\"js_content\"><p>" + P1
                + "</p></div><script>var createTime = '2025-07-16 21:05';</script></body></html>";
        ParsedPage page = parser.parse(html, "https://mp.weixin.qq.com/s/q", FETCHED);
        assertEquals(OffsetDateTime.parse("2025-07-16T21:05+08:00"), page.publishedAt());
    }

    @Test
    void parsingIsThreadSafe() throws Exception {
        String html = "<html><head><title>宁德时代上半年净利305亿元_证券快报</title></head><body><h1>宁德时代上半年净利305亿元</h1>"
                + "<div class=\"info\"><span>2025-07-17 10:22</span><span>作者：李娜</span></div><div><p>" + P1 + "</p><p>" + P2
                + "</p></div></body></html>";
        ParsedPage expected = parser.parse(html, "https://www.zqkb.com.cn/tech/1.html", FETCHED);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            java.util.List<java.util.concurrent.Future<ParsedPage>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                results.add(pool.submit(() -> parser.parse(html, "https://www.zqkb.com.cn/tech/1.html", FETCHED)));
            }
            for (java.util.concurrent.Future<ParsedPage> f : results) {
                assertEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void titleFromTitleTagLosesTheSiteName() {
        String html = "<html><head><title>宁德时代上半年净利305亿元_科技_证券快报</title></head><body><div><p>" + P1 + "</p><p>" + P2
                + "</p></div></body></html>";
        ParsedPage page = parser.parse(html, "https://www.zqkb.com.cn/tech/1.html", FETCHED);
        assertEquals("宁德时代上半年净利305亿元", page.title());
    }

    @Test
    void traditionalChineseIsDetectedAndKept() {
        String trad = "台積電今日召開法說會，公布第二季財報。受惠於人工智慧相關需求強勁，第二季合併營收達新台幣9337.9億元，季增11.3%。";
        String html = "<html><body><h1>台積電第二季純益創新高</h1><div><p>" + trad + "</p><p>" + trad + "</p></div></body></html>";
        ParsedPage page = parser.parse(html, "https://money.udn.com/money/story/1", FETCHED);
        assertEquals("zh-Hant", page.language());
        assertTrue(page.body().startsWith("台積電今日召開法說會"), "no conversion to simplified");
    }

    @Test
    void whitespaceIsNormalisedInsideParagraphs() {
        String html = "<html><body><h1>标题</h1><div><p>\u3000\u3000英伟达\u00a0H20\u200a恢复供应，\t国产GPU\n公司\u2003获得机会。"
                + "\u200b这是一段足够长的正文，用于测试空白字符的规范化处理是否正确。</p><p>" + P1 + "</p></div></body></html>";
        ParsedPage page = parser.parse(html, "https://news.example.cn/1.html", FETCHED);
        String first = page.paragraphs().get(0);
        assertEquals("英伟达 H20 恢复供应， 国产GPU 公司 获得机会。这是一段足够长的正文，用于测试空白字符的规范化处理是否正确。", first);
        assertFalse(page.body().contains("\u200a"));
        assertNull(page.author());
    }
}
