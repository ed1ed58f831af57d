package io.newsctl.extract.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * The extract consumer ({@code news.extractor.*}).
 *
 * @param groupId        consumer group of the extract service
 * @param maxPollRecords largest batch
 * @param threads        articles analysed in parallel within a batch (0 = one per core)
 */
@ConfigurationProperties("news.extractor")
public record ExtractorSettings(
        @Bindable(defaultValue = "extract") @NotBlank String groupId,
        @Bindable(defaultValue = "100") @Min(1) @Max(5000) int maxPollRecords,
        @Bindable(defaultValue = "0") @Min(0) @Max(256) int threads) {

    public int effectiveThreads() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }
}
