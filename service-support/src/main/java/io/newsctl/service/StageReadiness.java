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
 */
@Singleton
@Readiness
public class StageReadiness implements HealthIndicator {
    private final List<ConsumerStage> stages;

    public StageReadiness(List<ConsumerStage> stages) {
        this.stages = stages;
    }

    @Override
    public Publisher<HealthResult> getResult() {
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
