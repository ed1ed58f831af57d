package io.newsctl.alert.service;

import io.newsctl.model.Alert;
import io.newsctl.model.ModelJson;
import io.newsctl.model.SchemaException;
import io.newsctl.model.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The most recent alerts, read from the {@code alerts} topic (committed records only, from the
 * start of its retention) and kept in memory for the history API and the web UI. One entry per
 * alert id, newest last; the oldest are dropped beyond the capacity.
 */
final class AlertHistory implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertHistory.class);

    private final int capacity;
    private final LinkedHashMap<String, Alert> alerts = new LinkedHashMap<>();
    private final TopicTailer tailer;

    AlertHistory(int capacity, String bootstrapServers, Map<String, String> overrides) {
        this.capacity = capacity;
        this.tailer = new TopicTailer(Topics.ALERTS, bootstrapServers, overrides, this::apply);
    }

    void start(Duration timeout) {
        tailer.start(timeout);
    }

    private void apply(List<ConsumerRecord<byte[], byte[]>> records) {
        for (ConsumerRecord<byte[], byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            try {
                add(ModelJson.decodeAlert(record.value()));
            } catch (SchemaException e) {
                LOG.warn("unreadable alert at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
            }
        }
    }

    synchronized void add(Alert alert) {
        alerts.putIfAbsent(alert.id(), alert);
        Iterator<String> oldest = alerts.keySet().iterator();
        while (alerts.size() > capacity && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    /** Newest first: alerts of {@code ruleId} (any when null) fired at or after {@code since} (any when null). */
    synchronized List<Alert> query(String ruleId, Instant since, int limit) {
        List<Alert> all = new ArrayList<>(alerts.values());
        List<Alert> out = new ArrayList<>();
        for (int i = all.size() - 1; i >= 0 && out.size() < limit; i--) {
            Alert alert = all.get(i);
            if ((ruleId == null || ruleId.equals(alert.ruleId()))
                    && (since == null || (alert.firedAt() != null && !alert.firedAt().isBefore(since)))) {
                out.add(alert);
            }
        }
        return out;
    }

    boolean isRunning() {
        return tailer.isRunning();
    }

    synchronized int size() {
        return alerts.size();
    }

    @Override
    public void close() {
        tailer.close();
    }
}
