package io.newsctl.cli;

import io.newsctl.extract.Extractor;
import io.newsctl.ingest.ArticleParser;
import io.newsctl.ingest.ParsedPage;
import io.newsctl.ingest.RawArticles;
import io.newsctl.ingest.SavedPages;
import io.newsctl.ingest.crawl.CrawlSettings;
import io.newsctl.ingest.crawl.SingleFetch;
import io.newsctl.ingest.fetch.FetchResult;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code newsctl extract FILE.html|URL [--url URL]}: parses one saved page (or one page fetched with
 * the crawler's rules) and prints one JSON object
 * (the contract other tools rely on: isArticle, title, author, originalSource, publishedAt, body,
 * entities, figures, tags, and more).
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Parse a saved HTML page, or fetch a URL, and print its article, entities, figures and tags as JSON.")
final class ExtractCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.html|URL",
            description = "The saved page, or an http(s) URL to fetch as the crawler would (robots.txt, SSRF guard, "
                    + "size limit, the charset of the HTTP Content-Type).")
    String file;

    @Option(names = "--allow", paramLabel = "CIDR",
            description = "An internal address range the SSRF guard lets a URL reach (repeatable; e.g. 127.0.0.1/32).")
    List<String> allow = new ArrayList<>();

    @Option(names = "--url", paramLabel = "URL",
            description = "The URL the page was saved from (default: the page's saved-from comment or canonical link).")
    String url;

    @Option(names = "--charset", paramLabel = "NAME",
            description = "Charset of the file when it cannot be detected (as an HTTP Content-Type would say).")
    String charset;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        byte[] bytes;
        String pageUrl;
        String contentType = charset == null ? null : "text/html; charset=" + charset;
        if (file.startsWith("http://") || file.startsWith("https://")) {
            FetchResult.Fetched fetched = SingleFetch.fetch(file,
                    CrawlSettings.builder().allowedCidrs(allow).build());
            bytes = fetched.body();
            pageUrl = url != null ? url : fetched.finalUrl();
            contentType = contentType != null ? contentType : fetched.contentType();
        } else {
            Path path = Path.of(file);
            try {
                bytes = Files.readAllBytes(path);
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("no such file: " + file);
            }
            pageUrl = url != null ? url : SavedPages.sourceUrl(bytes).orElse(path.toAbsolutePath().toUri().toString());
        }
        Instant now = Instant.now();
        ParsedPage page = ArticleParser.createDefault().parse(bytes, contentType, pageUrl, now);
        EnrichedArticle enriched = null;
        if (page.isArticle()) {
            RawArticle raw = RawArticles.toRawArticle(page, pageUrl, "file", now);
            enriched = Extractor.createDefault().enrich(raw);
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(ModelJson.mapper().writerWithDefaultPrettyPrinter()
                .writeValueAsString(ExtractReport.of(page, enriched)));
        out.flush();
        return 0;
    }
}
