package io.newsctl.ingest.warc;

import io.newsctl.ingest.crawl.CrawlItem;
import io.newsctl.ingest.crawl.CrawlState;
import io.newsctl.ingest.crawl.CrawlStateStore;
import io.newsctl.ingest.crawl.PageProcessor;
import io.newsctl.ingest.UrlCanonicalizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Feeds archived pages ({@code .warc} or {@code .warc.gz}, read with jwarc) through the crawler's
 * page path: every HTTP 200 HTML {@code response} record is parsed with its Content-Type, checked
 * for duplicates and published, with the record's date as the fetch time; its crawl state is
 * stored like a fetched page's, so later crawls and dedup know it. Other records are counted as
 * skipped, with the reason for the first few.
 */
public final class WarcImporter {
    private static final int MAX_PROBLEMS = 20;

    /**
     * What an import did.
     *
     * @param responses  response records read
     * @param pages      HTML pages processed
     * @param articles   articles published (duplicates included)
     * @param duplicates of those, reposts of an earlier article
     * @param skipped    response records not processed (not HTTP, not 200, not HTML, too large)
     * @param problems   the first reasons for skipping, each naming the record's URL
     */
    public record Report(int responses, int pages, int articles, int duplicates, int skipped, List<String> problems) {
    }

    private final PageProcessor pages;
    private final CrawlStateStore states;
    private final long maxBodyBytes;
    private final String source;
    private final String profile;

    /**
     * @param states where to record the imported pages' crawl states, or null
     */
    public WarcImporter(PageProcessor pages, CrawlStateStore states, long maxBodyBytes, String source, String profile) {
        this.pages = pages;
        this.states = states;
        this.maxBodyBytes = maxBodyBytes;
        this.source = source;
        this.profile = profile;
    }

    /** Imports one file; throws when the file is unreadable or the sink refuses an article. */
    public Report importFile(Path file) throws Exception {
        int responses = 0;
        int html = 0;
        int articles = 0;
        int duplicates = 0;
        int skipped = 0;
        List<String> problems = new ArrayList<>();
        try (WarcReader reader = new WarcReader(file)) {
            reader.setLenient(true);
            for (WarcRecord record : reader) {
                if (!(record instanceof WarcResponse response)) {
                    continue;
                }
                responses++;
                String url = response.target();
                String why = null;
                if (!response.contentType().base().equals(MediaType.HTTP)) {
                    why = "not an HTTP response (" + response.contentType() + ")";
                } else {
                    HttpResponse http = response.http();
                    String type = http.headers().first("Content-Type").orElse(null);
                    if (http.status() != 200) {
                        why = "HTTP " + http.status();
                    } else if (!isHtml(type)) {
                        why = "not HTML (" + type + ")";
                    } else {
                        byte[] body = read(http.bodyDecoded().stream(), maxBodyBytes);
                        if (body == null) {
                            why = "body over " + maxBodyBytes + " bytes";
                        } else {
                            html++;
                            PageProcessor.Outcome outcome = pages.process(url, body, type, response.date(), source,
                                    profile);
                            if (outcome.article() != null) {
                                articles++;
                                duplicates += outcome.isDuplicate() ? 1 : 0;
                            }
                            record(url, response, outcome);
                        }
                    }
                }
                if (why != null) {
                    skipped++;
                    if (problems.size() < MAX_PROBLEMS) {
                        problems.add(url + ": " + why);
                    }
                }
            }
        }
        return new Report(responses, html, articles, duplicates, skipped, List.copyOf(problems));
    }

    private void record(String url, WarcResponse response, PageProcessor.Outcome outcome) throws IOException {
        String key = UrlCanonicalizer.normalize(url);
        if (states == null || key == null) {
            return;
        }
        boolean article = outcome.article() != null;
        states.put(new CrawlState(key, source, CrawlItem.Kind.PAGE, CrawlState.Status.FETCHED, response.date(),
                response.date(), 200, null, null, article ? outcome.article().id() : null,
                article ? outcome.fingerprint().contentHash() : null, article ? outcome.fingerprint().simHash() : null,
                article ? outcome.fingerprint().length() : null, article ? outcome.article().duplicateOf() : null, 0,
                null));
    }

    private static boolean isHtml(String contentType) {
        if (contentType == null) {
            return false;
        }
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.startsWith("text/html") || t.startsWith("application/xhtml+xml");
    }

    /** At most {@code max} bytes of the stream, or null when there are more. */
    private static byte[] read(InputStream in, long max) throws IOException {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + (long) n > max) {
                    return null;
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }
}
