package io.newsctl.ingest;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * What {@link ArticleParser} read from one page.
 *
 * @param isArticle      true for a single article; false for lists, channels and pages without running text
 * @param url            canonical URL (rel=canonical when same-site, tracking parameters removed); null if unknown
 * @param title          headline as published (null for non-articles when none was found)
 * @param author         author as credited; for reposts the original author from the repost line
 * @param originalSource publication the text first appeared in (repost line, "来源：", WeChat account,
 *                       else the site's own name); null if the page names none
 * @param publishedAt    publication time with its offset (Asia/Shanghai unless the page gives one)
 * @param summary        the page's own summary or description, if any
 * @param body           article text only: paragraphs separated by "\n\n", each paragraph's white space
 *                       normalised to single U+0020; empty for non-articles
 * @param language       {@code zh-Hans}, {@code zh-Hant} or {@code und}
 * @param profile        the extraction profile that read the page: {@code 36kr}, {@code wechat},
 *                       {@code json-ld}, {@code opengraph} or {@code generic}
 * @param links          absolute http(s) links on the page, normalised, de-duplicated, in page order
 * @param charset        the charset the bytes were decoded with and the evidence used, e.g.
 *                       {@code GB18030 (meta)}; null when the page was given as a string
 */
public record ParsedPage(
        boolean isArticle,
        String url,
        String title,
        String author,
        String originalSource,
        OffsetDateTime publishedAt,
        String summary,
        String body,
        String language,
        String profile,
        List<String> links,
        String charset) {

    public ParsedPage {
        links = links == null ? List.of() : List.copyOf(links);
        body = body == null ? "" : body;
    }

    /** The body's paragraphs. */
    public List<String> paragraphs() {
        return body.isEmpty() ? List.of() : Arrays.asList(body.split("\n\n"));
    }

    ParsedPage withCharset(String value) {
        return new ParsedPage(isArticle, url, title, author, originalSource, publishedAt, summary, body, language,
                profile, links, value);
    }
}
