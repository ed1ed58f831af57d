package io.newsctl.alert.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.newsctl.alert.ledger.AlertDecider;
import io.newsctl.alert.ledger.FiringLedger;
import io.newsctl.alert.ledger.LedgerEntry;
import io.newsctl.alert.match.RuleMatcher;
import io.newsctl.model.Alert;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.ModelJson;
import io.newsctl.model.SchemaException;
import io.newsctl.model.Topics;
import io.newsctl.stream.BatchHandler;
import io.newsctl.stream.Rejection;
import io.newsctl.stream.TransientException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The matching stage: for each new article of {@code articles.enriched}, the alerts it fires. The
 * alerts and the batch's ledger entries are written in one Kafka transaction, so either both are
 * stored or neither is: a crash before the commit re-delivers the batch and fires the same alerts
 * again exactly once, a crash after it finds the articles in the ledger and fires nothing.
 */
final class AlertHandler implements BatchHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertHandler.class);

    private final RuleMatcher matcher;
    private final AlertDecider decider;
    private final FiringLedger ledger;
    private final LedgerReader ledgerReader;
    private final Supplier<Producer<byte[], byte[]>> producers;
    private Producer<byte[], byte[]> producer;
    private final Counter fired;
    private final Counter suppressed;
    private final Counter skipped;
    private final Timer matching;

    AlertHandler(RuleMatcher matcher, AlertDecider decider, FiringLedger ledger, LedgerReader ledgerReader,
                 Supplier<Producer<byte[], byte[]>> transactionalProducers, MeterRegistry registry) {
        this.matcher = matcher;
        this.decider = decider;
        this.ledger = ledger;
        this.ledgerReader = ledgerReader;
        this.producers = transactionalProducers;
        this.fired = Counter.builder("newsctl.alert.alerts").tag("outcome", "fired").register(registry);
        this.suppressed = Counter.builder("newsctl.alert.alerts").tag("outcome", "suppressed").register(registry);
        this.skipped = Counter.builder("newsctl.alert.articles").tag("outcome", "skipped").register(registry);
        this.matching = Timer.builder("newsctl.alert.match").description("matching one article against every rule")
                .register(registry);
    }

    @Override
    public List<Rejection> handle(List<ConsumerRecord<byte[], byte[]>> batch) throws TransientException {
        ledgerReader.catchUp();
        List<Rejection> rejections = new ArrayList<>();
        List<ProducerRecord<byte[], byte[]>> output = new ArrayList<>();
        FiringLedger.Pending pending = ledger.begin();
        int alerts = 0;
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            EnrichedArticle article;
            try {
                article = ModelJson.decodeEnriched(record.value());
            } catch (SchemaException e) {
                rejections.add(new Rejection(record, e.errorType(), e.getMessage()));
                continue;
            }
            AlertDecider.Decision decision = decider.decide(article,
                    a -> matching.record(() -> matcher.match(a)), pending);
            if (decision.entry() == null) {
                skipped.increment();
                continue;
            }
            for (Alert alert : decision.alerts()) {
                output.add(new ProducerRecord<>(Topics.ALERTS, utf8(alert.ruleId()), ModelJson.encode(alert)));
                alerts++;
            }
            decision.suppressed().forEach(s -> LOG.info("rule {} matched article {} but stays quiet: {}",
                    s.ruleId(), s.articleId(), s.reason()));
            suppressed.increment(decision.suppressed().size());
            LedgerEntry entry = decision.entry();
            output.add(new ProducerRecord<>(Topics.ALERT_LEDGER, utf8(entry.articleId()), ModelJson.encode(entry)));
        }
        if (!output.isEmpty()) {
            store(output);
        }
        pending.commit();
        fired.increment(alerts);
        return rejections;
    }

    private void store(List<ProducerRecord<byte[], byte[]>> output) throws TransientException {
        if (producer == null) {
            try {
                producer = producers.get(); // initTransactions() talks to the broker
            } catch (KafkaException e) {
                // not the articles' fault: back off and retry, never dead-letter them for it
                throw new TransientException("alert producer not ready: " + e, e);
            }
        }
        try {
            producer.beginTransaction();
            for (ProducerRecord<byte[], byte[]> record : output) {
                producer.send(record);
            }
            producer.commitTransaction(); // flushes, and fails if any send failed
        } catch (ProducerFencedException e) {
            // another instance took over our transactional id: start afresh with a new producer
            closeProducer();
            throw new TransientException("alert producer fenced: " + e.getMessage(), e);
        } catch (KafkaException e) {
            try {
                producer.abortTransaction();
            } catch (KafkaException abort) {
                closeProducer();
            }
            throw new TransientException("alerts not stored: " + e, e);
        }
    }

    private void closeProducer() {
        if (producer != null) {
            try {
                producer.close(java.time.Duration.ofSeconds(5));
            } catch (KafkaException ignored) {
                // closing a broken producer
            }
            producer = null;
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        closeProducer();
        ledgerReader.close();
    }
}
