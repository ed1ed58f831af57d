package io.newsctl.cli;

import io.newsctl.extract.Extractor;
import io.newsctl.ingest.ArticleParser;
import io.newsctl.ingest.ParsedPage;
import io.newsctl.ingest.RawArticles;
import io.newsctl.ingest.SavedPages;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code newsctl extract FILE.html [--url URL]}: parses one saved page and prints one JSON object
 * (the contract other tools rely on: isArticle, title, author, originalSource, publishedAt, body,
 * entities, figures, tags, and more).
 */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Parse a saved HTML page and print its article, entities, figures and tags as JSON.")
final class ExtractCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE.html", description = "The saved page.")
    Path file;

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
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        }
        String pageUrl = url != null ? url : SavedPages.sourceUrl(bytes).orElse(file.toAbsolutePath().toUri().toString());
        Instant now = Instant.now();
        ParsedPage page = ArticleParser.createDefault()
                .parse(bytes, charset == null ? null : "text/html; charset=" + charset, pageUrl, now);
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
