package io.newsctl.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.ingest.crawl.CrawlState.Status;
import io.newsctl.ingest.fetch.FetchSettings;
import io.newsctl.ingest.fetch.HttpFetcher;
import io.newsctl.ingest.source.SourceConfig;
import io.newsctl.ingest.source.SourcesFile;
import io.newsctl.ingest.testing.FixtureSite;
import io.newsctl.ingest.testing.FixtureSite.Response;
import io.newsctl.ingest.testing.MutableClock;
import io.newsctl.ingest.testing.SamplePages;
import io.newsctl.model.RawArticle;
import io.newsctl.net.TargetGuard;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The crawl loop against two fixture sites on 127.0.0.1, with a fake clock: politeness and back-off
 * are asserted on the times the sites saw, without waiting for them.
 */
class CrawlerTest {
    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    private static final Duration DELAY = Duration.ofSeconds(1);
    private static final Duration CRAWL_DELAY = Duration.ofSeconds(2);
    private static final Duration BACKOFF = Duration.ofSeconds(10);

    private final MutableClock clock = new MutableClock(START);
    private final MemoryStateStore store = new MemoryStateStore();
    private final List<RawArticle> published = Collections.synchronizedList(new ArrayList<>());
    private FixtureSite a;
    private FixtureSite b;

    @BeforeEach
    void sites() throws IOException {
        a = FixtureSite.start(clock);
        b = FixtureSite.start(clock);
        a.page("/robots.txt", Response.ok("text/plain", "User-agent: *\nDisallow: /private/\nCrawl-delay: 2\n".getBytes()));
        a.route("/news/", r -> "\"list-v1\"".equals(r.header("if-none-match")) ? Response.status(304)
                : Response.html(list("/p/h20", "/p/smic", "/p/broken", "/private/draft", "/p/busy", "/p/flaky",
                        "/about")).with("ETag", "\"list-v1\""));
        a.page("/p/h20", Response.ok("text/html; charset=utf-8", SamplePages.bytes(SamplePages.REFERENCE)));
        a.page("/p/smic", Response.ok("text/html; charset=gbk", SamplePages.bytes(SamplePages.GBK)));
        a.page("/p/broken", Response.html(SamplePages.malformed()));
        a.page("/private/draft", Response.html("<h1>草稿</h1>"));
        a.sequence("/p/busy", Response.status(429, "Retry-After", "30"),
                Response.ok("text/html; charset=utf-8", SamplePages.bytes(SamplePages.GENERIC)));
        a.sequence("/p/flaky", Response.status(500),
                Response.ok("text/html; charset=utf-8", SamplePages.bytes(SamplePages.BLOG)));
        b.page("/list", Response.html(list("/news/repost")));
        b.page("/news/repost", Response.html(SamplePages.repostOfReference()));
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
    }

    private static String list(String... paths) {
        StringBuilder sb = new StringBuilder("<html><head><meta charset=\"utf-8\"><title>科技频道</title></head><body><ul>");
        for (String p : paths) {
            sb.append("<li><a href=\"").append(p).append("\">文章 ").append(p).append("</a></li>");
        }
        return sb.append("</ul></body></html>").toString();
    }

    private List<SourceConfig> sources(String... which) {
        StringBuilder yaml = new StringBuilder("sources:\n");
        for (String w : which) {
            switch (w) {
                case "a" -> yaml.append("  - name: site-a\n    kind: list\n    url: ").append(a.url("/news/"))
                        .append("\n    follow: ['/p/', '/private/']\n");
                case "b" -> yaml.append("  - name: site-b\n    kind: list\n    url: ").append(b.url("/list"))
                        .append("\n    follow: ['/news/']\n");
                default -> throw new IllegalArgumentException(w);
            }
        }
        return SourcesFile.parse(yaml.toString(), "test");
    }

    private CrawlSettings.Builder settings() {
        return CrawlSettings.builder().threads(1).defaultDelay(DELAY).backoffInitial(BACKOFF)
                .backoffMax(Duration.ofMinutes(5)).maxRetries(2).allowedCidrs(List.of("127.0.0.1/32"));
    }

    private Crawler crawler(CrawlSettings settings, List<SourceConfig> sources) throws IOException {
        HttpFetcher fetcher = new HttpFetcher(settings.fetch(), new TargetGuard(settings.allowedCidrs()), clock);
        Crawler crawler = new Crawler(settings, sources, fetcher, store, published::add, null, clock, clock.sleeper());
        crawler.restore();
        return crawler;
    }

    private Map<String, RawArticle> byPath() {
        Function<RawArticle, String> path = r -> r.fetchedUrl().replaceFirst("^http://127\\.0\\.0\\.1:\\d+", "");
        return published.stream().collect(Collectors.toMap(path, r -> r, (x, y) -> y));
    }

    @Test
    void aListPageLeadsToItsArticlesAndEachIsPublishedOnce() throws Exception {
        CrawlStats.Snapshot status = crawler(settings().build(), sources("a")).runOnce();

        Map<String, RawArticle> articles = byPath();
        assertEquals(SamplePages.REFERENCE_TITLE, articles.get("/p/h20").title());
        assertEquals(SamplePages.GENERIC_TITLE, articles.get("/p/busy").title());
        assertEquals(SamplePages.BLOG_TITLE, articles.get("/p/flaky").title());
        assertEquals("site-a", articles.get("/p/h20").source());
        assertEquals(published.size(), articles.size(), "no article published twice: " + published);
        assertEquals(1, status.passes());
        assertEquals(0, status.queued());
        assertFalse(a.requests().stream().anyMatch(r -> r.path().equals("/about")), "not matching follow");
    }

    @Test
    void aGbkPageIsDecodedFromTheHttpCharset() throws Exception {
        crawler(settings().build(), sources("a")).runOnce();
        RawArticle smic = byPath().get("/p/smic");
        assertNotNull(smic, "published: " + byPath().keySet());
        assertEquals(SamplePages.GBK_TITLE, smic.title());
        assertTrue(smic.body().contains("中芯国际"), smic.body());
    }

    @Test
    void malformedHtmlIsRecordedAndDoesNotStopTheCrawl() throws Exception {
        Crawler crawler = crawler(settings().build(), sources("a"));
        crawler.runOnce();
        CrawlState broken = crawler.state(a.url("/p/broken"));
        assertEquals(Status.FETCHED, broken.status());
        assertNull(broken.error());
        assertTrue(byPath().containsKey("/p/flaky"), "pages after it still crawled");
    }

    @Test
    void robotsDisallowIsObeyedAndCrawlDelaySpacesTheRequests() throws Exception {
        Crawler crawler = crawler(settings().build(), sources("a"));
        crawler.runOnce();

        assertTrue(a.requests("/private/draft").isEmpty(), "a disallowed page is never requested");
        CrawlState draft = crawler.state(a.url("/private/draft"));
        assertEquals(Status.DISALLOWED, draft.status());
        assertTrue(draft.error().contains(a.url("/private/draft")) && draft.error().contains("robots.txt"), draft.error());
        assertEquals(1, a.requests("/robots.txt").size(), "robots.txt read once and cached");

        List<FixtureSite.Request> pages = a.requests().stream().filter(r -> !r.path().equals("/robots.txt")).toList();
        for (int i = 1; i < pages.size(); i++) {
            Duration gap = Duration.between(pages.get(i - 1).at(), pages.get(i).at());
            assertTrue(gap.compareTo(CRAWL_DELAY) >= 0, "gap " + gap + " before " + pages.get(i).path());
        }
    }

    @Test
    void aCrawlDelayOverTheLimitKeepsTheCrawlerAway() throws Exception {
        a.page("/robots.txt", Response.ok("text/plain", "User-agent: *\nCrawl-delay: 120\n".getBytes()));
        Crawler crawler = crawler(settings().maxCrawlDelay(Duration.ofSeconds(30)).build(), sources("a"));
        crawler.runOnce();
        assertEquals(List.of("/robots.txt"), a.requests().stream().map(FixtureSite.Request::path).toList());
        assertTrue(crawler.state(a.url("/news/")).error().contains("Crawl-delay of 120 s"));
    }

    @Test
    void tooManyRequestsWaitsForRetryAfterThenSucceeds() throws Exception {
        Crawler crawler = crawler(settings().build(), sources("a"));
        crawler.runOnce();
        List<FixtureSite.Request> busy = a.requests("/p/busy");
        assertEquals(2, busy.size());
        Duration waited = Duration.between(busy.get(0).at(), busy.get(1).at());
        assertTrue(waited.compareTo(Duration.ofSeconds(30)) >= 0, "waited " + waited);
        assertEquals(Status.FETCHED, crawler.state(a.url("/p/busy")).status());
    }

    @Test
    void aServerErrorIsRetriedAfterBackOffThenSucceeds() throws Exception {
        Crawler crawler = crawler(settings().build(), sources("a"));
        CrawlStats.Snapshot status = crawler.runOnce();
        List<FixtureSite.Request> flaky = a.requests("/p/flaky");
        assertEquals(2, flaky.size());
        assertTrue(Duration.between(flaky.get(0).at(), flaky.get(1).at()).compareTo(BACKOFF) >= 0);
        CrawlState state = crawler.state(a.url("/p/flaky"));
        assertEquals(Status.FETCHED, state.status());
        assertEquals(0, state.failures());
        assertTrue(status.retries() >= 2, "the 429 and the 500");
    }

    @Test
    void aPageThatKeepsFailingIsRecordedAsFailedAfterItsRetries() throws Exception {
        a.page("/news/", Response.html(list("/p/dead")));
        a.page("/p/dead", Response.status(503));
        Crawler crawler = crawler(settings().build(), sources("a"));
        CrawlStats.Snapshot status = crawler.runOnce();
        assertEquals(3, a.requests("/p/dead").size(), "first try and max-retries = 2");
        CrawlState dead = crawler.state(a.url("/p/dead"));
        assertEquals(Status.FAILED, dead.status());
        assertEquals(503, dead.httpStatus());
        assertEquals(3, dead.failures());
        assertTrue(dead.error().contains(a.url("/p/dead")) && dead.error().contains("HTTP 503")
                && dead.error().contains("gave up after 3 attempts"), dead.error());
        assertEquals(1, status.failed());
        assertEquals(dead, store.get(a.url("/p/dead")), "the failure is in the stored crawl state");
    }

    @Test
    void anOversizePageAndARedirectToAPrivateAddressAreRecordedWithTheirReasons() throws Exception {
        a.page("/news/", Response.html(list("/p/huge", "/p/sneaky")));
        a.page("/p/huge", Response.ok("text/html", new byte[200 * 1024]));
        a.page("/p/sneaky", Response.status(302, "Location", "http://192.168.1.1/router"));
        CrawlSettings settings = settings().fetch(FetchSettings.defaults().withMaxBodyBytes(64 * 1024)).build();
        Crawler crawler = crawler(settings, sources("a"));
        crawler.runOnce();
        CrawlState huge = crawler.state(a.url("/p/huge"));
        assertEquals(Status.FAILED, huge.status());
        assertTrue(huge.error().contains("exceeds the limit of 65536 bytes"), huge.error());
        CrawlState sneaky = crawler.state(a.url("/p/sneaky"));
        assertEquals(Status.BLOCKED, sneaky.status());
        assertTrue(sneaky.error().contains("192.168.1.1"), sneaky.error());
    }

    @Test
    void aRepostOnAnotherSiteIsMarkedAsADuplicateOfTheOriginal() throws Exception {
        crawler(settings().build(), sources("a", "b")).runOnce();
        RawArticle original = byPath().get("/p/h20");
        RawArticle repost = published.stream().filter(r -> r.fetchedUrl().equals(b.url("/news/repost"))).findFirst()
                .orElseThrow();
        boolean repostLater = repost.fetchedAt().isAfter(original.fetchedAt());
        RawArticle later = repostLater ? repost : original;
        RawArticle earlier = repostLater ? original : repost;
        assertEquals(earlier.id(), later.duplicateOf(), "the later copy points at the earlier one");
        assertNull(earlier.duplicateOf());
    }

    @Test
    void stateSurvivesARestartValidatorsAreSentAndDedupIsRebuilt() throws Exception {
        crawler(settings().build(), sources("a")).runOnce();
        RawArticle original = byPath().get("/p/h20");
        int h20Requests = a.requests("/p/h20").size();
        published.clear();
        clock.advance(Duration.ofHours(1));

        Crawler restarted = crawler(settings().build(), sources("a", "b")); // a new crawler on the same store
        restarted.runOnce();

        List<FixtureSite.Request> lists = a.requests("/news/");
        assertEquals("\"list-v1\"", lists.get(lists.size() - 1).header("if-none-match"));
        assertEquals(Status.NOT_MODIFIED, restarted.state(a.url("/news/")).status());
        assertEquals(h20Requests, a.requests("/p/h20").size(), "articles fetched before are not fetched again");
        assertEquals(1, published.size(), "only the repost is new: " + published);
        assertEquals(original.id(), published.get(0).duplicateOf(), "dedup index rebuilt from the stored state");
    }

    @Test
    void feedAndSitemapSourcesLeadToTheirArticles() throws Exception {
        a.page("/feed.xml", Response.ok("application/rss+xml", ("""
                <?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>t</title><link>%s</link>
                <item><title>一</title><link>%s</link><pubDate>Sun, 01 Mar 2026 06:00:00 +0800</pubDate></item>
                <item><title>旧</title><link>%s</link><pubDate>Mon, 01 Dec 2025 06:00:00 +0800</pubDate></item>
                </channel></rss>""").formatted(a.url("/"), a.url("/p/h20"), a.url("/p/old")).getBytes()));
        a.page("/sitemap.xml", Response.ok("application/xml", ("""
                <?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <sitemap><loc>%s</loc></sitemap></sitemapindex>""").formatted(a.url("/sitemap-news.xml")).getBytes()));
        a.page("/sitemap-news.xml", Response.ok("application/xml", ("""
                <?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                <url><loc>%s</loc><lastmod>2026-02-28</lastmod></url></urlset>""").formatted(a.url("/p/smic")).getBytes()));
        List<SourceConfig> sources = SourcesFile.parse("""
                sources:
                  - {name: feed, kind: feed, url: '%s', max-age: 7d}
                  - {name: map, kind: sitemap, url: '%s'}
                """.formatted(a.url("/feed.xml"), a.url("/sitemap.xml")), "t");
        Crawler crawler = crawler(settings().build(), sources);
        crawler.runOnce();
        assertEquals(SamplePages.REFERENCE_TITLE, byPath().get("/p/h20").title());
        assertEquals("feed", byPath().get("/p/h20").source());
        assertEquals(SamplePages.GBK_TITLE, byPath().get("/p/smic").title());
        assertTrue(a.requests("/p/old").isEmpty(), "feed entry older than max-age skipped");
        assertEquals(CrawlItem.Kind.SITEMAP, crawler.state(a.url("/sitemap-news.xml")).kind());
    }

    @Test
    void aRedirectLoopIsRecordedAsFailedWithoutRetrying() throws Exception {
        a.page("/news/", Response.html(list("/p/loop")));
        a.page("/p/loop", Response.status(301, "Location", "/p/loop2"));
        a.page("/p/loop2", Response.status(301, "Location", "/p/loop"));
        Crawler crawler = crawler(settings().build(), sources("a"));
        crawler.runOnce();
        CrawlState loop = crawler.state(a.url("/p/loop"));
        assertEquals(Status.FAILED, loop.status());
        assertTrue(loop.error().contains("redirect loop"), loop.error());
        assertEquals(1, a.requests("/p/loop").size(), "not retried");
    }

    @Test
    void fetchedResponsesCanBeArchivedToWarcAndImportedBack(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("crawl.warc.gz");
        CrawlSettings settings = settings().build();
        try (io.newsctl.ingest.warc.WarcArchive archive = io.newsctl.ingest.warc.WarcArchive.open(file)) {
            HttpFetcher fetcher = new HttpFetcher(settings.fetch(), new TargetGuard(settings.allowedCidrs()), clock);
            new Crawler(settings, sources("b"), fetcher, store, published::add, archive, clock, clock.sleeper()).runOnce();
        }
        List<RawArticle> imported = new ArrayList<>();
        io.newsctl.ingest.warc.WarcImporter.Report report = new io.newsctl.ingest.warc.WarcImporter(
                new PageProcessor(new DedupIndex(1000, Duration.ofDays(30)), imported::add), null,
                1 << 20, "warc", "auto").importFile(file);
        assertEquals(2, report.responses(), "the list page and the article");
        assertEquals(1, imported.size());
        assertEquals(published.get(0).body(), imported.get(0).body());
    }

    @Test
    void runningOnASourcesScheduleRevisitsTheListConditionallyAndNothingElse() throws Exception {
        List<SourceConfig> sources = SourcesFile.parse("sources:\n  - {name: site-a, kind: list, url: '"
                + a.url("/news/") + "', follow: ['/p/h20'], schedule: 10m}\n", "t");
        Crawler crawler = crawler(settings().build(), sources);
        Instant end = START.plus(Duration.ofMinutes(35));
        crawler.run(() -> clock.instant().isAfter(end));

        List<FixtureSite.Request> lists = a.requests("/news/");
        assertEquals(4, lists.size(), "at 0, 10, 20 and 30 minutes");
        for (int i = 1; i < lists.size(); i++) {
            assertTrue(Duration.between(lists.get(i - 1).at(), lists.get(i).at()).compareTo(Duration.ofMinutes(10)) >= 0);
            assertEquals("\"list-v1\"", lists.get(i).header("if-none-match"));
        }
        assertEquals(1, a.requests("/p/h20").size(), "the article is not fetched again");
        assertEquals(1, published.size());
        assertEquals(4, crawler.status().passes());
    }
}
