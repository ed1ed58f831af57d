package io.newsctl.ingest;

import io.newsctl.model.ArticleIds;
import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import java.time.Instant;
import java.util.Objects;

/** Builds the {@link RawArticle} that ingest publishes from a parsed page. */
public final class RawArticles {
    private RawArticles() {
    }

    /**
     * The record for an article page: id from the canonical URL (the fetched URL when the page has
     * none), site = host of that URL, content hash of the normalised body.
     *
     * @throws IllegalArgumentException if the page is not an article or has no URL at all
     */
    public static RawArticle toRawArticle(ParsedPage page, String fetchedUrl, String source, Instant fetchedAt) {
        Objects.requireNonNull(page, "page");
        if (!page.isArticle()) {
            throw new IllegalArgumentException("not an article: " + (page.url() != null ? page.url() : fetchedUrl));
        }
        String url = page.url() != null ? page.url() : UrlCanonicalizer.normalize(fetchedUrl);
        if (url == null) {
            throw new IllegalArgumentException("article has no URL (fetched from " + fetchedUrl + ")");
        }
        return new RawArticle(ModelJson.SCHEMA_VERSION, ArticleIds.of(url), url, fetchedUrl, UrlCanonicalizer.host(url),
                source, fetchedAt, page.profile(), page.title(), page.author(), page.originalSource(), page.publishedAt(),
                page.summary(), page.body(), page.language(), Fingerprint.contentHash(page.body()), null);
    }
}
