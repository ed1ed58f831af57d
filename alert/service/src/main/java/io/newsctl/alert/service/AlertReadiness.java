package io.newsctl.alert.service;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.Map;
import org.reactivestreams.Publisher;

/** Ready only while the rules are followed: an instance with stale rules must not take traffic. */
@Singleton
@Readiness
public class AlertReadiness implements HealthIndicator {
    private final RuleStore rules;
    private final AlertHistory history;

    AlertReadiness(RuleStore rules, AlertHistory history) {
        this.rules = rules;
        this.history = history;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        boolean up = rules.isRunning() && history.isRunning();
        return Publishers.just(HealthResult.builder("alert-rules", up ? HealthStatus.UP : HealthStatus.DOWN)
                .details(Map.of("rules", rules.size(), "rulesFollowed", rules.isRunning(),
                        "historyFollowed", history.isRunning(), "historySize", history.size()))
                .build());
    }
}
