package io.newsctl.alert.service;

import io.newsctl.model.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsctl.alert.Channel;
import io.newsctl.alert.Rule;
import io.newsctl.alert.webhook.WebhookSender;
import io.newsctl.model.Alert;
import io.newsctl.model.DeadLetter;
import io.newsctl.model.ModelJson;
import io.newsctl.model.SchemaException;
import io.newsctl.stream.BatchHandler;
import io.newsctl.stream.Publisher;
import io.newsctl.stream.Rejection;
import io.newsctl.stream.TransientException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delivery stage: every committed alert on {@code alerts} goes to the webhooks of its rule, all
 * deliveries of a batch in parallel, each with its own retries. A delivery that fails for good is
 * written to {@link io.newsctl.model.Topics#ALERT_WEBHOOK_DEAD_LETTER} (the alert record unchanged, plus dead-letter
 * headers: which URL, how many attempts, why) before the batch is committed. A crash mid-batch
 * re-delivers; receivers drop repeats by {@code X-Newsctl-Alert-Id}.
 */
final class WebhookHandler implements BatchHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);
    static final String STAGE = "alert-webhook";
    static final String URL_HEADER = "newsctl.webhook.url";
    static final String ATTEMPTS_HEADER = "newsctl.webhook.attempts";
    static final String STATUS_HEADER = "newsctl.webhook.status";

    private final Function<String, Optional<Rule>> rules;
    private final WebhookSender sender;
    private final Producer<byte[], byte[]> producer;
    private final Clock clock;
    private final java.time.Duration maxAlertAge;
    private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();
    private final Counter delivered;
    private final Counter failed;

    private record Delivery(ConsumerRecord<byte[], byte[]> record, Alert alert, Channel channel,
                            Future<WebhookSender.Outcome> outcome) {
    }

    WebhookHandler(Function<String, Optional<Rule>> rules, WebhookSender sender, Producer<byte[], byte[]> producer,
                   java.time.Duration maxAlertAge, Clock clock, MeterRegistry registry) {
        this.maxAlertAge = maxAlertAge;
        this.rules = rules;
        this.sender = sender;
        this.producer = producer;
        this.clock = clock;
        this.delivered = Counter.builder("newsctl.alert.webhooks").tag("outcome", "delivered").register(registry);
        this.failed = Counter.builder("newsctl.alert.webhooks").tag("outcome", "dead-lettered").register(registry);
    }

    @Override
    public List<Rejection> handle(List<ConsumerRecord<byte[], byte[]>> batch) throws TransientException {
        List<Rejection> rejections = new ArrayList<>();
        List<Delivery> pending = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            Alert alert;
            try {
                alert = ModelJson.decodeAlert(record.value());
            } catch (SchemaException e) {
                rejections.add(new Rejection(record, e.errorType(), e.getMessage()));
                continue;
            }
            if (alert.firedAt() != null && alert.firedAt().isBefore(clock.instant().minus(maxAlertAge))) {
                // a new consumer group starts at the beginning of the topic: old news is not re-sent
                LOG.info("alert {} fired at {}: older than {}, not delivered", alert.id(), alert.firedAt(),
                        maxAlertAge);
                continue;
            }
            Optional<Rule> rule = rules.apply(alert.ruleId());
            if (rule.isEmpty()) {
                continue; // deleted since it fired: its webhooks are gone too
            }
            for (Channel channel : rule.get().webhooks()) {
                pending.add(new Delivery(record, alert, channel,
                        deliveries.submit(() -> sender.deliver(channel, alert.id(), record.value()))));
            }
        }
        List<ProducerRecord<byte[], byte[]>> letters = new ArrayList<>();
        for (Delivery delivery : pending) {
            WebhookSender.Outcome outcome;
            try {
                outcome = delivery.outcome().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientException("interrupted while delivering webhooks", e);
            } catch (ExecutionException e) {
                outcome = new WebhookSender.Outcome(false, 0, 0, "webhook-error", e.getCause().toString());
            }
            if (outcome.delivered()) {
                delivered.increment();
            } else {
                LOG.warn("alert {} not delivered: {} ({})", delivery.alert().id(), outcome.reason(),
                        outcome.errorType());
                letters.add(deadLetter(delivery, outcome));
            }
        }
        if (!letters.isEmpty()) {
            Publisher.sendAndAwait(producer, letters, "webhook dead-letter");
            failed.increment(letters.size());
        }
        return rejections;
    }

    private ProducerRecord<byte[], byte[]> deadLetter(Delivery delivery, WebhookSender.Outcome outcome) {
        ConsumerRecord<byte[], byte[]> original = delivery.record();
        RecordHeaders headers = new RecordHeaders();
        headers.add(DeadLetter.STAGE, utf8(STAGE));
        headers.add(DeadLetter.ERROR_TYPE, utf8(outcome.errorType()));
        headers.add(DeadLetter.REASON, utf8(outcome.reason()));
        headers.add(DeadLetter.TOPIC, utf8(original.topic()));
        headers.add(DeadLetter.PARTITION, utf8(Integer.toString(original.partition())));
        headers.add(DeadLetter.OFFSET, utf8(Long.toString(original.offset())));
        headers.add(DeadLetter.FAILED_AT, utf8(clock.instant().toString()));
        headers.add(URL_HEADER, utf8(WebhookSender.describe(URI.create(delivery.channel().url()))));
        headers.add(ATTEMPTS_HEADER, utf8(Integer.toString(outcome.attempts())));
        headers.add(STATUS_HEADER, utf8(Integer.toString(outcome.lastStatus())));
        return new ProducerRecord<>(Topics.ALERT_WEBHOOK_DEAD_LETTER, null, original.key(), original.value(), headers);
    }

    private static byte[] utf8(String text) {
        return (text == null ? "" : text).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        deliveries.shutdownNow();
    }
}
