package io.newsctl.ingest.testing;

import io.newsctl.ingest.ArticleParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Pages of the repository's samples/ folder, and a repost made from one, for the crawl fixtures. */
public final class SamplePages {
    public static final String REFERENCE = "pages/36kr/h20-domestic-gpu.html";
    public static final String REFERENCE_TITLE = "H20出口解禁,国产GPU迎来破局契机";
    public static final String GBK = "pages/portal-gbk/smic-h1-results.html";
    public static final String GBK_TITLE = "中芯国际上半年净利润23亿元 同比增长39.8%";
    public static final String GENERIC = "pages/generic/qwen3-coder-relative-time.html";
    public static final String GENERIC_TITLE = "阿里开源Qwen3-Coder：编程能力比肩Claude Sonnet 4";
    public static final String BLOG = "pages/blog-og/foldable-phones.html";
    public static final String BLOG_TITLE = "折叠屏手机的九月：更轻更薄之后，还差什么？";

    private SamplePages() {
    }

    public static Path dir() {
        Path p = Path.of("").toAbsolutePath();
        for (int i = 0; i < 5 && p != null; i++, p = p.getParent()) {
            if (Files.isDirectory(p.resolve("samples/pages"))) {
                return p.resolve("samples");
            }
        }
        throw new IllegalStateException("samples/ not found above " + Path.of("").toAbsolutePath());
    }

    public static byte[] bytes(String relative) {
        try {
            return Files.readAllBytes(dir().resolve(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The reference article as an aggregator reposts it on its own site: its own page furniture, an
     * editor's note, full-width commas, headings dropped.
     */
    public static String repostOfReference() {
        String body = ArticleParser.createDefault().parse(bytes(REFERENCE), null, "https://36kr.com/p/3386107931734151",
                Instant.parse("2025-07-18T10:30:00Z")).body();
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8">
                <title>H20出口解禁，国产GPU迎来破局契机_科技快讯网</title></head><body>
                <div class="nav"><a href="/">首页</a> | <a href="/tech">科技</a></div>
                <div class="article"><h1>H20出口解禁，国产GPU迎来破局契机</h1>
                <div class="info">2025-07-18 09:30 来源：半导体产业纵横</div>
                <p>编者按：以下内容转载自半导体产业纵横，有删节。</p>
                """);
        for (String p : List.of(body.split("\n\n"))) {
            if (p.length() >= 20) {
                html.append("<p>").append(p.replace(',', '，')).append("</p>\n");
            }
        }
        html.append("</div><div class=\"footer\">版权所有 © 科技快讯网 京ICP备000000号</div></body></html>");
        return html.toString();
    }

    /** Broken markup: unclosed tags, a stray table, an unterminated comment and attribute. */
    public static String malformed() {
        return """
                <html><head><title>坏掉的页面<title><body><div class="content"><p>这一段没有闭合标签
                <p>芯片行业的竞争正在加剧，多家厂商宣布扩产计划。<table><tr><td>表格里的文字<div>
                <p class="x>属性没有结束引号，国产算力需求持续增长，市场规模预计将进一步扩大。
                <!-- 注释没有结束
                """;
    }
}
