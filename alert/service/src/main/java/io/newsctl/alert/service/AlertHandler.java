package io.newsctl.alert.service;

import io.newsctl.alert.TagRule;
import io.newsctl.model.Alert;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.ModelJson;
import io.newsctl.model.SchemaException;
import io.newsctl.model.Topics;
import io.newsctl.stream.BatchHandler;
import io.newsctl.stream.Publisher;
import io.newsctl.stream.Rejection;
import io.newsctl.stream.TransientException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Matches each enriched article against the rules and publishes the alerts before committing. */
public final class AlertHandler implements BatchHandler {
    private final List<TagRule> rules;
    private final Producer<byte[], byte[]> producer;
    private final Clock clock;

    public AlertHandler(List<TagRule> rules, Producer<byte[], byte[]> producer, Clock clock) {
        this.rules = List.copyOf(rules);
        this.producer = producer;
        this.clock = clock;
    }

    @Override
    public List<Rejection> handle(List<ConsumerRecord<byte[], byte[]>> batch) throws TransientException {
        List<Rejection> rejections = new ArrayList<>();
        List<ProducerRecord<byte[], byte[]>> alerts = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            EnrichedArticle article;
            try {
                article = ModelJson.decodeEnriched(record.value());
            } catch (SchemaException e) {
                rejections.add(new Rejection(record, e.errorType(), e.getMessage()));
                continue;
            }
            for (TagRule rule : rules) {
                rule.match(article, clock.instant()).ifPresent(alert -> alerts.add(toRecord(alert)));
            }
        }
        Publisher.sendAndAwait(producer, alerts, "alert");
        return rejections;
    }

    private static ProducerRecord<byte[], byte[]> toRecord(Alert alert) {
        return new ProducerRecord<>(Topics.ALERTS, alert.ruleId().getBytes(StandardCharsets.UTF_8),
                ModelJson.encode(alert));
    }
}
