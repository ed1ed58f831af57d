package io.newsctl.service;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Liveness;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * Liveness = no consumer of this service has died. A consumer loop that failed does not come back
 * by itself, so the instance asks to be restarted instead of holding a replica slot while it
 * consumes nothing. Starting, stopping and backing off while a sink is down are all alive.
 */
@Singleton
@Liveness
public class StageLiveness implements HealthIndicator {
    private final List<ConsumerStage> stages;

    public StageLiveness(List<ConsumerStage> stages) {
        this.stages = stages;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean alive = true;
        for (ConsumerStage stage : stages) {
            details.put(stage.name(), stage.state().name());
            if (stage.failure() != null) {
                alive = false;
                details.put(stage.name() + ".error", stage.failure().toString());
            }
        }
        return Publishers.just(HealthResult.builder("consumer-loops", alive ? HealthStatus.UP : HealthStatus.DOWN)
                .details(details).build());
    }
}
