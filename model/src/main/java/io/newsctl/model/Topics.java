package io.newsctl.model;

/** Names of the Kafka topics the services talk through. The only place they are spelled. */
public final class Topics {
    /** Articles as ingest parsed them; key = canonical URL, value = {@link RawArticle} JSON. */
    public static final String RAW = "articles.raw";
    /** Articles with entities, figures and tags; key = canonical URL, value = {@link EnrichedArticle} JSON. */
    public static final String ENRICHED = "articles.enriched";
    /** Fired alerts; key = rule id, value = {@link Alert} JSON. */
    public static final String ALERTS = "alerts";

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
