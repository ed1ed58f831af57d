package io.newsctl.model;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * An article as ingest found it: metadata and plain text, before any language processing. Travels on
 * {@link Topics#RAW} keyed by {@link #url()}.
 *
 * @param schemaVersion  {@link ModelJson#SCHEMA_VERSION} of the writer
 * @param id             {@link ArticleIds#of(String)} of the canonical URL; the Elasticsearch document id
 * @param url            canonical URL (rel=canonical, tracking parameters removed)
 * @param fetchedUrl     the URL the page was actually read from
 * @param site           host of the canonical URL, e.g. {@code 36kr.com}
 * @param source         name of the configured source that produced it (a crawl source, a file tree)
 * @param fetchedAt      when the page was read
 * @param profile        the extraction profile that parsed it ({@code 36kr}, {@code json-ld}, {@code generic} …)
 * @param title          headline as published
 * @param author         author as credited (for reposts: the original author)
 * @param originalSource publication the article first appeared in (e.g. the WeChat account of a repost)
 * @param publishedAt    publication time with its offset (Asia/Shanghai unless the page says otherwise)
 * @param summary        the page's own summary or lead, if it has one
 * @param body           article text, paragraphs separated by a blank line, boilerplate removed
 * @param language       BCP-47 script tag of the text: {@code zh-Hans}, {@code zh-Hant} or {@code und}
 * @param contentHash    hex SHA-256 of the normalised body, for exact duplicate detection
 * @param duplicateOf    id of the article this one reposts, when dedup found one; null otherwise
 */
public record RawArticle(
        int schemaVersion,
        String id,
        String url,
        String fetchedUrl,
        String site,
        String source,
        Instant fetchedAt,
        String profile,
        String title,
        String author,
        String originalSource,
        OffsetDateTime publishedAt,
        String summary,
        String body,
        String language,
        String contentHash,
        String duplicateOf) {

    public RawArticle withDuplicateOf(String otherId) {
        return new RawArticle(schemaVersion, id, url, fetchedUrl, site, source, fetchedAt, profile, title, author,
                originalSource, publishedAt, summary, body, language, contentHash, otherId);
    }
}
