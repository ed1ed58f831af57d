package io.newsctl.model;

import java.time.Instant;

/**
 * Why a record went to a dead-letter topic. The dead-letter record keeps the original key, value and
 * headers byte for byte (so it can be replayed) and adds these fields as headers named
 * {@code newsctl.dlq.*}.
 *
 * @param stage       the consumer that gave up (extract, index, alert)
 * @param errorType   a short machine-readable class of error, e.g. {@code bad-json},
 *                    {@code unsupported-schema}, {@code mapper_parsing_exception}
 * @param reason      a human-readable message; never contains the payload
 * @param topic       the topic the record was read from
 * @param partition   its partition
 * @param offset      its offset
 * @param failedAt    when the consumer gave up
 */
public record DeadLetter(
        String stage,
        String errorType,
        String reason,
        String topic,
        int partition,
        long offset,
        Instant failedAt) {

    public static final String HEADER_PREFIX = "newsctl.dlq.";
    public static final String STAGE = HEADER_PREFIX + "stage";
    public static final String ERROR_TYPE = HEADER_PREFIX + "error-type";
    public static final String REASON = HEADER_PREFIX + "reason";
    public static final String TOPIC = HEADER_PREFIX + "topic";
    public static final String PARTITION = HEADER_PREFIX + "partition";
    public static final String OFFSET = HEADER_PREFIX + "offset";
    public static final String FAILED_AT = HEADER_PREFIX + "failed-at";
    /**
     * Present only when the original record plus these headers was too large to store: the dead
     * letter then has no value (nor the original's headers), and this header gives the original
     * value's size in bytes; topic, partition and offset locate the original.
     */
    public static final String VALUE_DROPPED = HEADER_PREFIX + "value-dropped";
}
