package io.newsctl.alert.service;

import io.newsctl.model.Topics;
import io.newsctl.alert.InvalidRuleException;
import io.newsctl.alert.RuleDraft;
import io.newsctl.alert.RuleJson;
import io.newsctl.alert.RuleValidator;
import io.newsctl.service.KafkaSettings;
import io.newsctl.service.StartupTask;
import io.newsctl.stream.KafkaClientConfig;
import io.newsctl.stream.TopicAdmin;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before the consumers start: create the alert topics, load every stored rule into the matcher
 * (so the first article is matched against all of them), add the seed rules, follow the alert history.
 */
@Singleton
public class AlertStartup implements StartupTask {
    private static final Logger LOG = LoggerFactory.getLogger(AlertStartup.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final AlertConfig config;
    private final KafkaSettings kafka;
    private final RuleStore rules;
    private final RuleValidator validator;
    private final AlertHistory history;

    AlertStartup(AlertConfig config, KafkaSettings kafka, RuleStore rules, RuleValidator validator,
                 AlertHistory history) {
        this.config = config;
        this.kafka = kafka;
        this.rules = rules;
        this.validator = validator;
        this.history = history;
    }

    @Override
    public void run() {
        if (kafka.createTopics()) {
            TopicAdmin.ensure(kafka.bootstrapServers(), kafka.clientOverrides(), topics(), TIMEOUT);
        }
        try {
            rules.start(TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading rules", e);
        }
        if (config.seedRulesDir() != null && !config.seedRulesDir().isBlank()) {
            seed(Path.of(config.seedRulesDir()));
        }
        history.start(TIMEOUT);
    }

    List<TopicAdmin.TopicSpec> topics() {
        List<TopicAdmin.TopicSpec> specs = new ArrayList<>(TopicAdmin.pipelineTopics(kafka.partitions()));
        String large = Integer.toString(KafkaClientConfig.MAX_RECORD_BYTES);
        specs.add(new TopicAdmin.TopicSpec(Topics.ALERT_RULES, 1, Map.of("cleanup.policy", "compact")));
        specs.add(new TopicAdmin.TopicSpec(Topics.ALERT_LEDGER, kafka.partitions(), Map.of(
                "cleanup.policy", "compact,delete",
                "retention.ms", Long.toString(config.ledgerRetention().toMillis()))));
        specs.add(new TopicAdmin.TopicSpec(Topics.ALERT_WEBHOOK_DEAD_LETTER, 1, Map.of("max.message.bytes", large)));
        return specs;
    }

    /** Creates each rule of the directory whose id is not stored yet; never overwrites a rule. */
    private void seed(Path dir) {
        if (!Files.isDirectory(dir)) {
            LOG.warn("seed rules directory {} does not exist", dir);
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                try {
                    RuleDraft draft = RuleJson.decodeDraft(Files.readAllBytes(file));
                    if (draft.id() == null || draft.id().isBlank()) {
                        LOG.warn("seed rule {} has no id; skipped (seed rules need one to be loaded once)", file);
                    } else if (rules.get(draft.id().strip()).isEmpty()) {
                        rules.save(validator.create(draft));
                        LOG.info("seed rule {} created from {}", draft.id(), file.getFileName());
                    }
                } catch (InvalidRuleException e) {
                    LOG.error("seed rule {} is invalid: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            LOG.error("cannot read seed rules from {}: {}", dir, e.toString());
        }
    }
}
