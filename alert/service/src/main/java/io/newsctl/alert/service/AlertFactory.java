package io.newsctl.alert.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.newsctl.alert.RuleValidator;
import io.newsctl.alert.ledger.AlertDecider;
import io.newsctl.alert.ledger.FiringLedger;
import io.newsctl.alert.match.RuleMatcher;
import io.newsctl.net.TargetGuard;
import io.newsctl.alert.webhook.WebhookSender;
import io.newsctl.extract.Extractor;
import io.newsctl.index.search.QuerySegmenter;
import io.newsctl.model.Topics;
import io.newsctl.service.ConsumerStage;
import io.newsctl.service.KafkaSettings;
import io.newsctl.stream.KafkaClientConfig;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;

/** Wires alert-core into the service: matcher, rule store, history, and the two consumer stages. */
@Factory
public class AlertFactory {

    /** Rule queries are cut into words exactly as extract cut the documents. */
    @Singleton
    QuerySegmenter querySegmenter() {
        return Extractor.createDefault()::queryTokens;
    }

    @Singleton
    TargetGuard targetGuard(AlertConfig config) {
        return new TargetGuard(config.allowedCidrs());
    }

    @Singleton
    RuleValidator ruleValidator(QuerySegmenter segmenter, TargetGuard guard) {
        return new RuleValidator(segmenter, guard, Clock.systemUTC());
    }

    @Singleton
    @Bean(preDestroy = "close")
    RuleMatcher ruleMatcher(QuerySegmenter segmenter) {
        return new RuleMatcher(segmenter);
    }

    @Singleton
    @Bean(preDestroy = "close")
    RuleStore ruleStore(KafkaSettings kafka, Producer<byte[], byte[]> producer, RuleMatcher matcher) {
        return new RuleStore(kafka.bootstrapServers(), kafka.clientOverrides(), producer, matcher);
    }

    @Singleton
    @Bean(preDestroy = "close")
    AlertHistory alertHistory(AlertConfig config, KafkaSettings kafka) {
        return new AlertHistory(config.historyCapacity(), kafka.bootstrapServers(), kafka.clientOverrides());
    }

    @Singleton
    @Bean(preDestroy = "close")
    AlertHandler alertHandler(AlertConfig config, KafkaSettings kafka, RuleMatcher matcher, MeterRegistry registry) {
        FiringLedger ledger = new FiringLedger(config.ledgerRetention());
        LedgerReader reader = new LedgerReader(ledger, kafka.bootstrapServers(), kafka.clientOverrides(),
                Clock.systemUTC());
        String suffix = kafka.groupInstanceId() != null && !kafka.groupInstanceId().isBlank()
                ? kafka.groupInstanceId() : UUID.randomUUID().toString();
        String transactionalId = config.transactionalId() + "-" + suffix;
        return new AlertHandler(matcher, new AlertDecider(config.maxArticleAge(), Clock.systemUTC()), ledger, reader,
                () -> transactionalProducer(kafka, transactionalId), registry);
    }

    private static Producer<byte[], byte[]> transactionalProducer(KafkaSettings kafka, String transactionalId) {
        Map<String, Object> props = KafkaClientConfig.producer("alert-matcher", kafka.bootstrapServers(),
                kafka.clientOverrides());
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 60_000);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0); // one transaction per batch: nothing to wait for
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(props);
        producer.initTransactions();
        return producer;
    }

    @Singleton
    @Named("alert")
    @Bean(preDestroy = "close")
    ConsumerStage alertStage(AlertConfig config, KafkaSettings kafka, AlertHandler handler, MeterRegistry registry) {
        return new ConsumerStage("alert", Topics.ENRICHED, config.groupId(), config.maxPollRecords(), kafka, handler,
                registry);
    }

    @Singleton
    @Bean(preDestroy = "close")
    WebhookHandler webhookHandler(AlertConfig config, TargetGuard guard, RuleStore rules,
                                  Producer<byte[], byte[]> producer, MeterRegistry registry) {
        WebhookSender sender = WebhookSender.create(guard, new WebhookSender.Settings(config.webhookMaxAttempts(),
                config.webhookInitialBackoff(), config.webhookMaxBackoff(), config.webhookTimeout()));
        return new WebhookHandler(rules::get, sender, producer, config.webhookMaxAlertAge(), Clock.systemUTC(),
                registry);
    }

    @Singleton
    @Named("alert-webhook")
    @Bean(preDestroy = "close")
    ConsumerStage webhookStage(AlertConfig config, KafkaSettings kafka, WebhookHandler handler,
                               MeterRegistry registry) {
        // consumers read committed records only (KafkaClientConfig): an aborted matching
        // transaction never reaches a webhook
        return new ConsumerStage(WebhookHandler.STAGE, Topics.ALERTS, config.webhookGroupId(), 50, kafka,
                handler, registry);
    }
}
