package io.newsctl.ingest.warc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.ingest.crawl.CrawlState;
import io.newsctl.ingest.crawl.DedupIndex;
import io.newsctl.ingest.crawl.MemoryStateStore;
import io.newsctl.ingest.crawl.PageProcessor;
import io.newsctl.ingest.fetch.FetchResult;
import io.newsctl.ingest.testing.SamplePages;
import io.newsctl.model.RawArticle;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarcImporterTest {
    private static final Instant AT = Instant.parse("2025-07-18T10:30:00Z");

    @TempDir
    Path dir;

    private final List<RawArticle> published = new ArrayList<>();
    private final MemoryStateStore states = new MemoryStateStore();

    private WarcImporter importer() {
        return new WarcImporter(new PageProcessor(new DedupIndex(1000, Duration.ofDays(3650)), published::add), states,
                5 * 1024 * 1024, "warc", "auto");
    }

    @Test
    void archivedResponsesComeBackThroughTheSamePath() throws Exception {
        Path file = dir.resolve("crawl.warc.gz");
        try (WarcArchive archive = WarcArchive.open(file)) {
            archive.write(fetched("https://36kr.com/p/3386107931734151", "text/html; charset=utf-8",
                    SamplePages.bytes(SamplePages.REFERENCE)), AT);
            archive.write(fetched("https://news.example.cn/gpu-repost.html", "text/html; charset=utf-8",
                    SamplePages.repostOfReference().getBytes(StandardCharsets.UTF_8)), AT.plusSeconds(60));
            archive.write(fetched("https://finance.sina.com.cn/tech/2025-08-29/doc-infmkxyz1234567.shtml",
                    "text/html; charset=gbk", SamplePages.bytes(SamplePages.GBK)), AT.plusSeconds(120));
            archive.write(fetched("https://news.example.cn/logo.png", "image/png", new byte[] {1, 2, 3}), AT);
        }
        WarcImporter.Report report = importer().importFile(file);

        assertEquals(4, report.responses());
        assertEquals(3, report.articles());
        assertEquals(1, report.duplicates());
        assertEquals(1, report.skipped());
        assertTrue(report.problems().get(0).contains("logo.png") && report.problems().get(0).contains("not HTML"));
        RawArticle original = published.get(0);
        assertEquals(SamplePages.REFERENCE_TITLE, original.title());
        assertEquals(AT, original.fetchedAt(), "the record's date is the fetch time");
        assertEquals("warc", original.source());
        assertNull(original.duplicateOf());
        assertEquals(original.id(), published.get(1).duplicateOf());
        assertEquals(SamplePages.GBK_TITLE, published.get(2).title(), "the archived Content-Type charset is used");
        CrawlState state = states.get("https://36kr.com/p/3386107931734151");
        assertNotNull(state.fingerprint(), "imported pages join the crawl state and its dedup index");
    }

    @Test
    void aWarcWrittenByAnotherToolIsRead() throws Exception {
        String html = new String(SamplePages.bytes(SamplePages.BLOG), StandardCharsets.UTF_8);
        byte[] body = html.getBytes(StandardCharsets.UTF_8);
        String httpHead = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Length: " + body.length
                + "\r\n\r\n";
        ByteArrayOutputStream http = new ByteArrayOutputStream();
        http.write(httpHead.getBytes(StandardCharsets.ISO_8859_1));
        http.write(body);
        String warcHead = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://www.duanzhe.tech/2025/09/foldable-phones.html\r\n"
                + "WARC-Date: 2025-09-20T08:00:00Z\r\nWARC-Record-ID: <urn:uuid:3f1c9c38-0d3e-4c39-9a6a-52b7d1f0a001>\r\n"
                + "Content-Type: application/http;msgtype=response\r\nContent-Length: " + http.size() + "\r\n\r\n";
        ByteArrayOutputStream warc = new ByteArrayOutputStream();
        warc.write(warcHead.getBytes(StandardCharsets.ISO_8859_1));
        warc.write(http.toByteArray());
        warc.write("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        Path file = dir.resolve("other.warc");
        Files.write(file, warc.toByteArray());

        WarcImporter.Report report = importer().importFile(file);
        assertEquals(1, report.articles());
        assertEquals(SamplePages.BLOG_TITLE, published.get(0).title());
        assertEquals(Instant.parse("2025-09-20T08:00:00Z"), published.get(0).fetchedAt());
    }

    private static FetchResult.Fetched fetched(String url, String type, byte[] body) {
        return new FetchResult.Fetched(url, url, type, body, "\"e1\"", null, List.of());
    }
}
