package io.newsctl.alert;

import io.newsctl.model.Topics;

/**
 * Topics the alert service owns besides {@link Topics#ALERTS}. They belong in
 * {@link io.newsctl.model.Topics} (proposed there); until then they are spelled only here.
 */
public final class AlertTopics {
    /** The rules; compacted, key = rule id, value = rule JSON, tombstone = deleted. */
    public static final String RULES = "alerts.rules";
    /**
     * The firing ledger; compacted, key = article id, value = {@link io.newsctl.alert.ledger.LedgerEntry}
     * JSON: that the article was seen, which alerts it fired, and its story fingerprints.
     */
    public static final String LEDGER = "alerts.ledger";
    /**
     * Webhook deliveries that failed for good: the alert record unchanged plus
     * {@link io.newsctl.model.DeadLetter} headers saying which URL and why.
     */
    public static final String WEBHOOK_DEAD_LETTER = "alerts.webhook.dlq";

    private AlertTopics() {
    }
}
