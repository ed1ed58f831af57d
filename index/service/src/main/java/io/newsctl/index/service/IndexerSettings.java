package io.newsctl.index.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.newsctl.index.BulkWriter;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;

/**
 * The indexing consumer ({@code news.indexer.*}).
 *
 * @param groupId         consumer group of the index service
 * @param maxPollRecords  largest batch handed to the bulk writer (offsets are committed per batch)
 * @param bulkMaxBytes    largest bulk request body; a batch is split into requests of at most this
 * @param bulkMaxDocs     most documents in one bulk request
 * @param bulkConcurrency bulk requests in flight at once (2 measured 30–45% faster than 1 on 2 cores)
 * @param bulkAttempts    tries per document on 429/5xx before the batch is handed back for a paused retry
 */
@ConfigurationProperties("news.indexer")
public record IndexerSettings(
        @Bindable(defaultValue = "index") @NotBlank String groupId,
        @Bindable(defaultValue = "1000") @Min(1) @Max(10000) int maxPollRecords,
        @Bindable(defaultValue = "5242880") @Min(65536) @Max(104857600) long bulkMaxBytes,
        @Bindable(defaultValue = "1000") @Min(1) @Max(10000) int bulkMaxDocs,
        @Bindable(defaultValue = "2") @Min(1) @Max(16) int bulkConcurrency,
        @Bindable(defaultValue = "4") @Min(1) @Max(20) int bulkAttempts) {

    public BulkWriter.Settings bulk() {
        return BulkWriter.Settings.DEFAULT.withLimits(bulkMaxBytes, bulkMaxDocs, bulkConcurrency)
                .withRetries(bulkAttempts, Duration.ofMillis(100), Duration.ofSeconds(2));
    }
}
