package io.newsctl.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.ingest.ArticleParser;
import io.newsctl.ingest.ParsedPage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DiscoveryTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");

    private static SourceConfig source(String yaml) {
        return SourcesFile.parse("sources:\n  - " + yaml, "t").get(0);
    }

    private static List<String> urls(List<Discovery.Link> links) {
        return links.stream().map(Discovery.Link::url).toList();
    }

    @Test
    void rssEntriesWithinMaxAgeAndMatchingFollow() throws Exception {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>科技</title><link>https://news.example.cn/</link>
                <item><title>新</title><link>https://news.example.cn/a/1.html?utm_source=rss</link>
                  <pubDate>Sun, 01 Mar 2026 06:00:00 +0800</pubDate></item>
                <item><title>旧</title><link>https://news.example.cn/a/2.html</link>
                  <pubDate>Mon, 01 Dec 2025 06:00:00 +0800</pubDate></item>
                <item><title>无日期</title><link>https://news.example.cn/a/3.html</link></item>
                <item><title>广告</title><link>https://ads.example.cn/promo</link></item>
                </channel></rss>""";
        SourceConfig s = source("{name: r, kind: feed, url: 'https://news.example.cn/rss', follow: ['/a/\\d+\\.html$'], max-age: 7d}");
        List<Discovery.Link> links = Discovery.fromFeed(rss.getBytes(StandardCharsets.UTF_8), "application/rss+xml",
                "https://news.example.cn/rss", s, NOW);
        assertEquals(List.of("https://news.example.cn/a/1.html", "https://news.example.cn/a/3.html"), urls(links));
    }

    @Test
    void atomEntries() throws Exception {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom"><title>博客</title><id>urn:x</id><updated>2026-03-01T00:00:00Z</updated>
                <entry><title>一</title><id>urn:1</id><link href="https://blog.example.com/p/1"/><updated>2026-02-28T00:00:00Z</updated></entry>
                </feed>""";
        List<Discovery.Link> links = Discovery.fromFeed(atom.getBytes(StandardCharsets.UTF_8), null,
                "https://blog.example.com/atom.xml", source("{name: a, kind: feed, url: 'https://blog.example.com/atom.xml'}"), NOW);
        assertEquals(List.of("https://blog.example.com/p/1"), urls(links));
    }

    @Test
    void newsSitemapUsesThePublicationDate() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
                <url><loc>https://www.example.cn/n/1.html</loc><news:news><news:publication><news:name>例</news:name><news:language>zh</news:language></news:publication>
                  <news:publication_date>2026-02-28T12:00:00+08:00</news:publication_date><news:title>新闻一</news:title></news:news></url>
                <url><loc>https://www.example.cn/n/2.html</loc><news:news><news:publication><news:name>例</news:name><news:language>zh</news:language></news:publication>
                  <news:publication_date>2025-01-01T12:00:00+08:00</news:publication_date><news:title>旧闻</news:title></news:news></url>
                </urlset>""";
        List<Discovery.Link> links = Discovery.fromFeed(xml.getBytes(StandardCharsets.UTF_8), "text/xml",
                "https://www.example.cn/news-sitemap.xml", source("{name: n, kind: sitemap, url: 'https://www.example.cn/news-sitemap.xml', max-age: 3d}"), NOW);
        assertEquals(List.of("https://www.example.cn/n/1.html"), urls(links));
    }

    @Test
    void aSitemapIndexYieldsSitemaps() throws Exception {
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <sitemap><loc>https://www.example.cn/sitemap-1.xml</loc></sitemap>
                <sitemap><loc>https://www.example.cn/sitemap-2.xml</loc></sitemap></sitemapindex>""";
        List<Discovery.Link> links = Discovery.fromFeed(xml.getBytes(StandardCharsets.UTF_8), "application/xml",
                "https://www.example.cn/sitemap.xml", source("{name: n, kind: sitemap, url: 'https://www.example.cn/sitemap.xml'}"), NOW);
        assertEquals(2, links.size());
        assertTrue(links.stream().allMatch(Discovery.Link::sitemap));
    }

    @Test
    void htmlIsNotAFeed() {
        Discovery.FeedException e = assertThrows(Discovery.FeedException.class, () -> Discovery.fromFeed(
                "<html><body>不是订阅源</body></html>".getBytes(StandardCharsets.UTF_8), "text/html",
                "https://x.example.com/rss", source("{name: x, kind: feed, url: 'https://x.example.com/rss'}"), NOW));
        assertTrue(e.getMessage().contains("https://x.example.com/rss"), e.getMessage());
    }

    @Test
    void listPageLinksAreFilteredAndCapped() {
        String html = "<html><body>" + "<a href='/p/%d'>文章</a>".repeat(1).replace("%d", "0")
                + "<a href='/p/1'>一</a><a href='/p/2'>二</a><a href='/p/3'>三</a><a href='/user/9'>作者</a></body></html>";
        ParsedPage page = ArticleParser.createDefault().parse(html, "https://kr.example.com/list", NOW);
        SourceConfig s = source("{name: l, kind: list, url: 'https://kr.example.com/list', follow: ['/p/\\d+$'], max-links: 3}");
        assertEquals(List.of("https://kr.example.com/p/0", "https://kr.example.com/p/1", "https://kr.example.com/p/2"),
                urls(Discovery.fromPage(page, "https://kr.example.com/list", s)));
    }
}
