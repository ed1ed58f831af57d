package io.newsctl.alert.service;

import io.newsctl.model.Topics;
import io.newsctl.alert.ledger.FiringLedger;
import io.newsctl.alert.ledger.LedgerEntry;
import io.newsctl.model.ModelJson;
import io.newsctl.model.SchemaException;
import io.newsctl.stream.KafkaClientConfig;
import io.newsctl.stream.TransientException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the {@link FiringLedger} in step with the ledger topic, on the matching stage's own thread.
 * Before each batch it reads up to the topic's last committed entry: entries written by another
 * instance (before a rebalance handed its partitions over) are known before this instance decides
 * anything, so a redelivered article is recognised wherever it lands.
 */
final class LedgerReader implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerReader.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);

    private final FiringLedger ledger;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Clock clock;
    private List<TopicPartition> partitions;
    private java.time.Instant lastPrune = java.time.Instant.EPOCH;

    LedgerReader(FiringLedger ledger, String bootstrapServers, Map<String, String> overrides, Clock clock) {
        this.ledger = ledger;
        this.clock = clock;
        Map<String, Object> props = KafkaClientConfig.admin(bootstrapServers, overrides);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "alert-ledger-" + ProcessHandle.current().pid());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        this.consumer = new KafkaConsumer<>(props);
    }

    /** Reads every committed ledger entry not read yet. */
    void catchUp() throws TransientException {
        try {
            if (partitions == null) {
                partitions = consumer.partitionsFor(Topics.ALERT_LEDGER, TIMEOUT).stream()
                        .map(p -> new TopicPartition(Topics.ALERT_LEDGER, p.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
            }
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!caughtUp(end)) {
                if (System.nanoTime() > deadline) {
                    throw new TransientException("ledger not read up to its end within " + TIMEOUT);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                    apply(record);
                }
            }
        } catch (KafkaException e) {
            throw new TransientException("cannot read the ledger: " + e, e);
        }
        java.time.Instant now = clock.instant();
        if (now.isAfter(lastPrune.plus(PRUNE_EVERY))) {
            ledger.prune(now);
            lastPrune = now;
        }
    }

    private boolean caughtUp(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey(), TIMEOUT) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        if (record.value() == null) {
            return;
        }
        try {
            ledger.apply(ModelJson.decode(record.value(), LedgerEntry.class));
        } catch (SchemaException e) {
            LOG.warn("unreadable ledger entry at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
