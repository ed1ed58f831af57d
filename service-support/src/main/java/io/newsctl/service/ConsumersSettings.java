package io.newsctl.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * Whether this instance consumes at all ({@code news.consumers.*}, env {@code NEWS_CONSUMERS_*}).
 *
 * @param enabled start the service's consumers (default); false serves only the HTTP API, e.g. the
 *                index service deployed as the search API and scaled on CPU, apart from the
 *                indexing consumers that are scaled on lag
 */
@ConfigurationProperties("news.consumers")
public record ConsumersSettings(@Bindable(defaultValue = "true") boolean enabled) {
}
