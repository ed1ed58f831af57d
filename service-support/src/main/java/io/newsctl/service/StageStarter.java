package io.newsctl.service;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;

/** Once the application context is up: run the start-up tasks, then start every consumer. */
@Singleton
public class StageStarter {
    private final List<StartupTask> tasks;
    private final List<ConsumerStage> stages;

    public StageStarter(List<StartupTask> tasks, List<ConsumerStage> stages) {
        this.tasks = tasks;
        this.stages = stages;
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        tasks.forEach(StartupTask::run);
        stages.forEach(ConsumerStage::start);
    }
}
