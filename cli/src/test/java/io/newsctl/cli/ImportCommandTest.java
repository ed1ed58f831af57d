package io.newsctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.ingest.fetch.FetchResult;
import io.newsctl.ingest.warc.WarcArchive;
import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code newsctl import FILE.warc.gz --stdout}: archived pages come out as the articles crawling would publish. */
class ImportCommandTest {

    @Test
    void aWarcFileBecomesArticlesWithTheSameContractAsCrawling(@TempDir Path dir) throws Exception {
        Path warc = dir.resolve("pages.warc.gz");
        byte[] reference = Files.readAllBytes(ExtractCommandTest.REFERENCE_PAGE);
        try (WarcArchive archive = WarcArchive.open(warc)) {
            archive.write(new FetchResult.Fetched("https://36kr.com/p/3386107931734151",
                    "https://36kr.com/p/3386107931734151", "text/html; charset=utf-8", reference, null, null, List.of()),
                    Instant.parse("2025-07-18T10:30:00Z"));
            archive.write(new FetchResult.Fetched("https://mirror.example.cn/a/1.html", "https://mirror.example.cn/a/1.html",
                    "text/html; charset=utf-8", reference, null, null, List.of()), Instant.parse("2025-07-18T11:00:00Z"));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Newsctl()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute("import", warc.toString(), "--stdout");
        assertEquals(0, code, err.toString());
        List<RawArticle> articles = out.toString().lines().map(l -> {
            try {
                return ModelJson.decodeRaw(l.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (Exception e) {
                throw new AssertionError(l, e);
            }
        }).toList();
        assertEquals(2, articles.size());
        assertEquals("H20出口解禁,国产GPU迎来破局契机", articles.get(0).title());
        assertEquals("https://36kr.com/p/3386107931734151", articles.get(0).url());
        assertEquals(articles.get(0).id(), articles.get(1).duplicateOf(), "the mirror copy is a duplicate");
        assertTrue(err.toString().contains("2 articles (1 reposts marked duplicateOf)"), err.toString());
    }

    @Test
    void aMissingFileIsAClearError(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Newsctl()).setErr(new PrintWriter(err)).execute("import",
                dir.resolve("nope.warc").toString(), "--stdout");
        assertTrue(code != 0);
        assertTrue(err.toString().contains("no such file: " + dir.resolve("nope.warc")), err.toString());
    }
}
