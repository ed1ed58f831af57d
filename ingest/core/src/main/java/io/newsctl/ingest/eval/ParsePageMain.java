package io.newsctl.ingest.eval;

import io.newsctl.ingest.ArticleParser;
import io.newsctl.ingest.ParsedPage;
import io.newsctl.ingest.SavedPages;
import io.newsctl.model.ModelJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Prints what the parser reads from one saved page, as JSON: for checking a page by hand.
 *
 * <pre>ParsePageMain FILE.html [URL] [FETCHED_AT (ISO instant, default now)]</pre>
 */
public final class ParsePageMain {
    private ParsePageMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: ParsePageMain FILE.html [URL] [FETCHED_AT]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        String url = args.length > 1 ? args[1] : null;
        if (url == null) {
            SavedPages.Scan scan = SavedPages.scan(file);
            url = scan.pages().isEmpty() ? null : scan.pages().get(0).url();
        }
        Instant fetchedAt = args.length > 2 ? Instant.parse(args[2]) : Instant.now();
        ParsedPage page = ArticleParser.createDefault().parse(Files.readAllBytes(file), null, url, fetchedAt);
        System.out.println(ModelJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(page));
    }
}
