package io.newsctl.ingest.crawl;

import io.newsctl.model.RawArticle;

/** Where articles go: {@code articles.raw} in the service and the CLI, a list in tests. */
@FunctionalInterface
public interface ArticleSink {
    /**
     * Stores one article; stored when it returns. Any exception means "not stored, try again later":
     * the page is retried and its state is not advanced.
     */
    void accept(RawArticle article) throws Exception;
}
