package io.newsctl.stream;

import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record a stage will never be able to process (bad JSON, unknown schema, a document
 * Elasticsearch refuses): it goes to the dead-letter topic with the reason.
 *
 * @param record    the record exactly as consumed
 * @param errorType short machine-readable class of error (bad-json, mapper_parsing_exception …)
 * @param reason    human-readable reason; must not contain the payload
 */
public record Rejection(ConsumerRecord<byte[], byte[]> record, String errorType, String reason) {
    public Rejection {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(errorType, "errorType");
        reason = reason == null ? errorType : reason;
    }
}
