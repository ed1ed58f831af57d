package io.newsctl.stream;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a consuming stage needs to know about Kafka. Services build it from their validated
 * configuration; tests build it directly.
 *
 * @param stage            name of the stage (extract, index, alert): client ids, metrics and
 *                         dead-letter headers carry it
 * @param bootstrapServers Kafka bootstrap servers
 * @param groupId          consumer group; instances of a stage share it and split the partitions
 * @param inputTopic       the topic consumed
 * @param maxPollRecords   largest batch handed to the {@link BatchHandler}
 * @param pollTimeout      how long one poll waits for records
 * @param backoffInitial   first wait after a transient failure
 * @param backoffMax       cap of the exponential back-off
 * @param groupInstanceId  static membership id (e.g. the pod name) or null; avoids rebalances on
 *                         rolling restarts
 * @param clientOverrides  extra Kafka client properties applied to consumer and producers
 *                         (security.protocol, sasl.*, ssl.* …); they win over the defaults here
 */
public record StageSettings(
        String stage,
        String bootstrapServers,
        String groupId,
        String inputTopic,
        int maxPollRecords,
        Duration pollTimeout,
        Duration backoffInitial,
        Duration backoffMax,
        String groupInstanceId,
        Map<String, String> clientOverrides) {

    public StageSettings {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(inputTopic, "inputTopic");
        if (maxPollRecords < 1) {
            throw new IllegalArgumentException("maxPollRecords must be ≥ 1, was " + maxPollRecords);
        }
        pollTimeout = pollTimeout == null ? Duration.ofMillis(500) : pollTimeout;
        backoffInitial = backoffInitial == null ? Duration.ofMillis(200) : backoffInitial;
        backoffMax = backoffMax == null ? Duration.ofSeconds(30) : backoffMax;
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new IllegalArgumentException("backoffMax must be ≥ backoffInitial");
        }
        clientOverrides = clientOverrides == null ? Map.of() : Map.copyOf(clientOverrides);
    }

    /** Settings with the defaults above for everything but the essentials. */
    public static StageSettings of(String stage, String bootstrapServers, String groupId, String inputTopic) {
        return new StageSettings(stage, bootstrapServers, groupId, inputTopic, 200, null, null, null, null, null);
    }

    public StageSettings withMaxPollRecords(int records) {
        return new StageSettings(stage, bootstrapServers, groupId, inputTopic, records, pollTimeout, backoffInitial,
                backoffMax, groupInstanceId, clientOverrides);
    }

    public StageSettings withBackoff(Duration initial, Duration max) {
        return new StageSettings(stage, bootstrapServers, groupId, inputTopic, maxPollRecords, pollTimeout, initial,
                max, groupInstanceId, clientOverrides);
    }

    public StageSettings withClientOverrides(Map<String, String> overrides) {
        return new StageSettings(stage, bootstrapServers, groupId, inputTopic, maxPollRecords, pollTimeout,
                backoffInitial, backoffMax, groupInstanceId, overrides);
    }

    /** The client overrides are listed by name only: they hold the SASL login and TLS passwords. */
    @Override
    public String toString() {
        return "StageSettings[stage=" + stage + ", bootstrapServers=" + bootstrapServers + ", groupId=" + groupId
                + ", inputTopic=" + inputTopic + ", maxPollRecords=" + maxPollRecords + ", pollTimeout=" + pollTimeout
                + ", backoffInitial=" + backoffInitial + ", backoffMax=" + backoffMax + ", groupInstanceId="
                + groupInstanceId + ", clientOverrides=" + new java.util.TreeSet<>(clientOverrides.keySet()) + "]";
    }

    public StageSettings withGroupInstanceId(String id) {
        return new StageSettings(stage, bootstrapServers, groupId, inputTopic, maxPollRecords, pollTimeout,
                backoffInitial, backoffMax, id, clientOverrides);
    }
}
