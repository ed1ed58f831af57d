package io.newsctl.index.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Bounds of the search API ({@code news.search.*}, env {@code NEWS_SEARCH_*}); the query length
 * (500 characters), page size (100) and filter values (20) are fixed by index-core.
 *
 * @param exportMaxArticles most articles one export returns (the newest)
 */
@ConfigurationProperties("news.search")
public record SearchApiSettings(@Bindable(defaultValue = "50000") @Min(1) @Max(1_000_000) int exportMaxArticles) {
}
