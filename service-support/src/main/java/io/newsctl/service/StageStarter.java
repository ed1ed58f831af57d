package io.newsctl.service;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Once the application context is up: run the start-up tasks, then start every consumer (unless
 * {@code news.consumers.enabled} is false). Consumers stop when the context closes (on SIGTERM):
 * each finishes its batch, commits and leaves its group.
 */
@Singleton
public class StageStarter {
    private static final Logger LOG = LoggerFactory.getLogger(StageStarter.class);

    private final List<StartupTask> tasks;
    private final List<ConsumerStage> stages;
    private final ConsumersSettings consumers;

    public StageStarter(List<StartupTask> tasks, List<ConsumerStage> stages, ConsumersSettings consumers) {
        this.tasks = tasks;
        this.stages = stages;
        this.consumers = consumers;
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        tasks.forEach(StartupTask::run);
        if (!consumers.enabled()) {
            LOG.info("news.consumers.enabled=false: not consuming ({} consumer(s) idle)", stages.size());
            return;
        }
        stages.forEach(ConsumerStage::start);
    }
}
