package io.newsctl.model;

/** Names of the Kafka topics the services talk through. The only place they are spelled. */
public final class Topics {
    /** Articles as ingest parsed them; key = canonical URL, value = {@link RawArticle} JSON. */
    public static final String RAW = "articles.raw";
    /** Articles with entities, figures and tags; key = canonical URL, value = {@link EnrichedArticle} JSON. */
    public static final String ENRICHED = "articles.enriched";
    /**
     * The crawler's state; compacted, key = URL, value = when it was fetched, with which validators
     * (ETag, Last-Modified), its outcome and content fingerprints — read back at start-up.
     */
    public static final String CRAWL_STATE = "crawl.state";
    /** Fired alerts; key = rule id, value = {@link Alert} JSON. Written in transactions by the alert service. */
    public static final String ALERTS = "alerts";
    /** Alert rules; compacted, key = rule id, value = rule JSON, tombstone = deleted. */
    public static final String ALERT_RULES = "alerts.rules";
    /**
     * The alert service's firing ledger; compacted, key = article id, value = which alerts the
     * article fired and its story fingerprints, so a redelivered or updated article never refires.
     */
    public static final String ALERT_LEDGER = "alerts.ledger";
    /** Webhook deliveries that failed for good: the alert record plus {@link DeadLetter} headers. */
    public static final String ALERT_WEBHOOK_DEAD_LETTER = "alerts.webhook.dlq";

    private static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    /**
     * The dead-letter topic for records that a consumer of {@code topic} could not process. The record
     * is copied unchanged (key, value, headers) and the reason travels in {@link DeadLetter} headers.
     */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
