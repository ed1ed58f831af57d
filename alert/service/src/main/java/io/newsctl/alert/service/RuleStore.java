package io.newsctl.alert.service;

import io.newsctl.model.Topics;
import io.newsctl.alert.InvalidRuleException;
import io.newsctl.alert.Rule;
import io.newsctl.alert.RuleJson;
import io.newsctl.alert.match.RuleMatcher;
import io.newsctl.model.SchemaException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rules, stored in the compacted topic {@link io.newsctl.model.Topics#ALERT_RULES} (key = rule id, tombstone =
 * deleted) and mirrored in memory by every instance: each instance tails the topic and keeps its
 * {@link RuleMatcher} in step, so a rule saved through any instance starts matching on all of them.
 * Writes return once this instance has read them back, so a client sees its own change at once.
 */
final class RuleStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RuleStore.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(15);

    private final Producer<byte[], byte[]> producer;
    private final RuleMatcher matcher;
    private final Map<String, Rule> rules = new ConcurrentHashMap<>();
    private final TopicTailer tailer;

    RuleStore(String bootstrapServers, Map<String, String> overrides, Producer<byte[], byte[]> producer,
              RuleMatcher matcher) {
        this.producer = producer;
        this.matcher = matcher;
        this.tailer = new TopicTailer(Topics.ALERT_RULES, bootstrapServers, overrides, this::apply);
    }

    /** Reads every stored rule into the matcher before returning. */
    void start(Duration timeout) throws InterruptedException {
        tailer.start(timeout);
        tailer.awaitStartupRead(timeout);
        LOG.info("{} alert rules loaded", rules.size());
    }

    /**
     * Applies one poll's worth of changes: the last record of each id wins, and the surviving rules
     * are registered in bulk (one by one, 1,000 rules written at once took over 15 s to apply).
     */
    private void apply(List<ConsumerRecord<byte[], byte[]>> records) {
        Map<String, Rule> latest = new LinkedHashMap<>(); // null value = deleted
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.key() == null) {
                continue;
            }
            String id = new String(record.key(), StandardCharsets.UTF_8);
            if (record.value() == null) {
                latest.put(id, null);
                continue;
            }
            try {
                latest.put(id, RuleJson.decodeStored(record.value()));
            } catch (SchemaException e) {
                LOG.warn("rule {} at {}-{}@{} unreadable ({}); skipped", id, record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        List<Rule> puts = new ArrayList<>();
        latest.forEach((id, rule) -> {
            if (rule == null) {
                rules.remove(id);
                matcher.remove(id);
            } else {
                puts.add(rule);
            }
        });
        try {
            matcher.putAll(puts);
        } catch (InvalidRuleException e) {
            puts.forEach(this::putOne); // find the culprit; register the others
            return;
        }
        puts.forEach(rule -> rules.put(rule.id(), rule));
    }

    private void putOne(Rule rule) {
        try {
            matcher.put(rule);
        } catch (InvalidRuleException e) {
            // stored by an older version with other rules; keep it listed so it can be fixed
            LOG.warn("rule {} cannot be matched: {}", rule.id(), e.getMessage());
            matcher.remove(rule.id());
        }
        rules.put(rule.id(), rule);
    }

    Optional<Rule> get(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    List<Rule> list() {
        return rules.values().stream().sorted(Comparator.comparing(Rule::id)).toList();
    }

    int size() {
        return rules.size();
    }

    void save(Rule rule) {
        write(rule.id(), RuleJson.encodeStored(rule));
    }

    void delete(String id) {
        write(id, null);
    }

    private void write(String id, byte[] value) {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(Topics.ALERT_RULES,
                id.getBytes(StandardCharsets.UTF_8), value);
        try {
            RecordMetadata stored = producer.send(record).get(WRITE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!tailer.awaitPosition(stored.partition(), stored.offset() + 1, WRITE_TIMEOUT)) {
                throw new StoreUnavailableException("rule " + id + " stored but not yet read back");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while storing rule " + id);
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreUnavailableException("cannot store rule " + id + ": " + e);
        }
    }

    boolean isRunning() {
        return tailer.isRunning();
    }

    @Override
    public void close() {
        tailer.close();
    }

    /** Kafka did not take or return a write in time: the client may retry. */
    static final class StoreUnavailableException extends RuntimeException {
        StoreUnavailableException(String message) {
            super(message);
        }
    }
}
