package io.newsctl.alert.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;

/**
 * The alert service's settings ({@code news.alert.*}, env {@code NEWS_ALERT_*}); commented defaults in
 * {@code application.yml}.
 *
 * @param groupId                 consumer group matching {@code articles.enriched}
 * @param webhookGroupId          consumer group delivering {@code alerts} to webhooks
 * @param maxPollRecords          largest batch matched at once
 * @param maxArticleAge           articles published longer ago than this never fire (backfills, re-indexing)
 * @param ledgerRetention         how long the ledger remembers an article; must exceed maxArticleAge
 * @param transactionalId         Kafka transactional id prefix of the matcher; the pod name is a good suffix
 * @param historyCapacity         alerts kept in memory for {@code GET /api/alerts}
 * @param seedRulesDir            a directory of rule JSON files created at start-up when their id is new
 *                                (the demo points it at {@code samples/rules})
 * @param webhookMaxAttempts      attempts per webhook delivery, the first included
 * @param webhookInitialBackoff   wait after the first failed attempt
 * @param webhookMaxBackoff       cap of the exponential back-off (and of Retry-After)
 * @param webhookTimeout          time allowed for one attempt
 * @param webhookMaxAlertAge      alerts older than this are not delivered (a new webhook consumer group
 *                                would otherwise replay the whole alerts topic)
 * @param webhookAllowedCidrs     internal address ranges webhooks may nevertheless target (e.g. 127.0.0.1/32
 *                                in tests); empty in production
 */
@ConfigurationProperties("news.alert")
public record AlertConfig(
        @Bindable(defaultValue = "alert") @NotBlank String groupId,
        @Bindable(defaultValue = "alert-webhook") @NotBlank String webhookGroupId,
        @Bindable(defaultValue = "100") @Min(1) @Max(1000) int maxPollRecords,
        @Bindable(defaultValue = "7d") Duration maxArticleAge,
        @Bindable(defaultValue = "8d") Duration ledgerRetention,
        @Bindable(defaultValue = "alert-matcher") @NotBlank String transactionalId,
        @Bindable(defaultValue = "10000") @Min(10) @Max(1_000_000) int historyCapacity,
        @Nullable String seedRulesDir,
        @Bindable(defaultValue = "6") @Min(1) @Max(20) int webhookMaxAttempts,
        @Bindable(defaultValue = "500ms") Duration webhookInitialBackoff,
        @Bindable(defaultValue = "30s") Duration webhookMaxBackoff,
        @Bindable(defaultValue = "10s") Duration webhookTimeout,
        @Bindable(defaultValue = "24h") Duration webhookMaxAlertAge,
        @Nullable List<String> webhookAllowedCidrs) {

    public List<String> allowedCidrs() {
        return webhookAllowedCidrs == null ? List.of() : webhookAllowedCidrs;
    }

    @AssertTrue(message = "news.alert.ledger-retention must be longer than news.alert.max-article-age")
    public boolean isLedgerLongEnough() {
        return ledgerRetention.compareTo(maxArticleAge) > 0;
    }

    @AssertTrue(message = "news.alert.webhook-max-backoff must be ≥ news.alert.webhook-initial-backoff")
    public boolean isBackoffOrdered() {
        return webhookMaxBackoff.compareTo(webhookInitialBackoff) >= 0;
    }
}
