package io.newsctl.ingest.crawl;

import io.newsctl.ingest.ArticleParser;
import io.newsctl.ingest.DuplicateDetector;
import io.newsctl.ingest.Fingerprint;
import io.newsctl.ingest.ParsedPage;
import io.newsctl.ingest.RawArticles;
import io.newsctl.model.RawArticle;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The path every page takes, fetched or imported from a WARC file: parse (with the source's
 * profile and the HTTP Content-Type, for the charset), and for an article: fingerprint, check
 * against earlier articles ({@code duplicateOf}), hand to the sink. Thread-safe.
 */
public final class PageProcessor {

    /**
     * What became of a page.
     *
     * @param page        what the parser read
     * @param article     the article published, or null (not an article)
     * @param fingerprint the article's fingerprint, or null
     */
    public record Outcome(ParsedPage page, RawArticle article, Fingerprint fingerprint) {
        public boolean isDuplicate() {
            return article != null && article.duplicateOf() != null;
        }
    }

    private final DedupIndex dedup;
    private final ArticleSink sink;
    private final Map<String, ArticleParser> parsers = new ConcurrentHashMap<>();

    public PageProcessor(DedupIndex dedup, ArticleSink sink) {
        this.dedup = dedup;
        this.sink = sink;
    }

    /**
     * @param url         the URL the body came from (after redirects)
     * @param contentType the HTTP Content-Type, or null
     * @param profile     one of {@link ArticleParser#PROFILES}
     * @throws Exception  from the sink: the article was not stored
     */
    public Outcome process(String url, byte[] body, String contentType, Instant fetchedAt, String source,
                           String profile) throws Exception {
        ParsedPage page = parsers.computeIfAbsent(profile, ArticleParser::forProfile)
                .parse(body, contentType, url, fetchedAt);
        if (!page.isArticle()) {
            return new Outcome(page, null, null);
        }
        RawArticle article = RawArticles.toRawArticle(page, url, source, fetchedAt);
        Fingerprint fingerprint = Fingerprint.of(article.body());
        DuplicateDetector.Match match = dedup.check(article.id(), fingerprint, fetchedAt);
        if (match != null) {
            article = article.withDuplicateOf(match.id());
        }
        sink.accept(article);
        return new Outcome(page, article, fingerprint);
    }
}
