package io.newsctl.index.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * The indexing consumer ({@code news.indexer.*}).
 *
 * @param groupId        consumer group of the index service
 * @param maxPollRecords largest batch, i.e. largest bulk request
 */
@ConfigurationProperties("news.indexer")
public record IndexerSettings(
        @Bindable(defaultValue = "index") @NotBlank String groupId,
        @Bindable(defaultValue = "500") @Min(1) @Max(10000) int maxPollRecords) {
}
