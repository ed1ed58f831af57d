package io.newsctl.service;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;
import io.micronaut.core.async.publisher.Publishers;

/**
 * Readiness = every consumer of this service is consuming. A consumer that died (state FAILED)
 * makes the instance unready, so Kubernetes stops routing to it and the lag-based scaler sees it.
 * With {@code news.consumers.enabled=false} (an API-only instance) there is nothing to wait for.
 */
@Singleton
@Readiness
public class StageReadiness implements HealthIndicator {
    private final List<ConsumerStage> stages;
    private final ConsumersSettings consumers;

    public StageReadiness(List<ConsumerStage> stages, ConsumersSettings consumers) {
        this.stages = stages;
        this.consumers = consumers;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        if (!consumers.enabled()) {
            return Publishers.just(HealthResult.builder("consumers", HealthStatus.UP)
                    .details(Map.of("consumers", "disabled")).build());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        boolean up = true;
        for (ConsumerStage stage : stages) {
            details.put(stage.name(), stage.state().name());
            if (!stage.isRunning()) {
                up = false;
                if (stage.failure() != null) {
                    details.put(stage.name() + ".error", stage.failure().toString());
                }
            }
        }
        return Publishers.just(HealthResult.builder("consumers", up ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details).build());
    }
}
