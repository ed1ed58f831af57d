package io.newsctl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whatever arrives, the parser answers (never throws) and stays linear. */
class MalformedInputTest {
    private static final Instant FETCHED = Instant.parse("2025-07-18T02:00:00Z");
    private static final String P = "英伟达宣布对华特供版H20算力芯片恢复供应，国产GPU公司获得了快速进行市场验证的机会，原本依赖进口GPU的企业已开始进行芯片自研。";
    private final ArticleParser parser = ArticleParser.createDefault();

    @Test
    void unclosedTagsStillYieldTheArticle() {
        String html = "<html><head><title>国产GPU迎来破局契机<body><h1>国产GPU迎来破局契机<div class=content><p>" + P + "<p>" + P
                + "<p><b>" + P + "<div><span>";
        ParsedPage page = parser.parse(html, "https://news.example.cn/a.html", FETCHED);
        assertTrue(page.isArticle());
        assertEquals("国产GPU迎来破局契机", page.title());
        assertTrue(page.body().startsWith(P));
    }

    @Test
    void garbageBytesDoNotThrow() {
        byte[] garbage = new byte[200_000];
        new Random(42).nextBytes(garbage);
        ParsedPage page = parser.parse(garbage, "text/html", "https://news.example.cn/x", FETCHED);
        assertNotNull(page);
        assertFalse(page.isArticle());
    }

    @Test
    void emptyAndNullInputs() {
        assertFalse(parser.parse(new byte[0], null, null, FETCHED).isArticle());
        assertFalse(parser.parse((String) null, null, null).isArticle());
        assertFalse(parser.parse("<", "not a url", FETCHED).isArticle());
    }

    @Test
    void garbageMixedIntoAnArticle() {
        byte[] noise = new byte[3000];
        new Random(7).nextBytes(noise);
        String before = "<html><body><h1>标题在这里</h1><div><p>" + P + "</p><p>" + P + "</p>";
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] b = "</div></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + noise.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(noise, 0, all, a.length, noise.length);
        System.arraycopy(b, 0, all, a.length + noise.length, b.length);
        ParsedPage page = parser.parse(all, "text/html; charset=utf-8", "https://news.example.cn/x", FETCHED);
        assertTrue(page.body().contains(P), page.charset());
    }

    @Test
    void deepNestingDoesNotOverflowTheStack() {
        int depth = 50_000;
        String html = "<html><body>" + "<div>".repeat(depth) + "<p>" + P + "</p><p>" + P + "</p>" + "</div>".repeat(depth) + "</body></html>";
        ParsedPage page = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> parser.parse(html, "https://news.example.cn/deep", FETCHED));
        assertNotNull(page);
    }

    @Test
    void workGrowsLinearlyWithPageSize() {
        String para = "<p>" + P + "<a href=\"/x\">链接文字</a></p><div class=\"time\">2025-07-18 07:12</div>";
        String small = "<html><body><h1>标题</h1><div>" + para.repeat(2_000) + "</div></body></html>";
        String large = "<html><body><h1>标题</h1><div>" + para.repeat(8_000) + "</div></body></html>";
        parser.parse(small, "https://news.example.cn/w", FETCHED); // warm-up
        long t1 = time(() -> parser.parse(small, "https://news.example.cn/s", FETCHED));
        long t2 = time(() -> parser.parse(large, "https://news.example.cn/l", FETCHED));
        // 4x the input: a quadratic parser would take ~16x; allow generous noise on a shared machine
        assertTrue(t2 < Math.max(t1, 20_000_000L) * 10, "small " + t1 / 1_000_000 + " ms, large " + t2 / 1_000_000 + " ms");
    }

    private static long time(Runnable r) {
        long start = System.nanoTime();
        r.run();
        return System.nanoTime() - start;
    }
}
