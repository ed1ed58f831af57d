package io.newsctl.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.TopicPartition;

/**
 * Samples a consumer group's committed offsets and its topic's end offsets every
 * {@value #SAMPLE_MS} ms, and finds the pauses: intervals during which a partition with lag saw no
 * commit. A rebalance shows up as a pause of the partitions that moved (from revocation until the
 * new owner commits its first batch); a killed instance as a pause of its partitions until the
 * group notices it is gone.
 */
final class ConsumptionTimeline implements AutoCloseable {
    static final long SAMPLE_MS = 200;

    /** One look at the group. */
    record Sample(long nanos, Map<TopicPartition, Long> committed, Map<TopicPartition, Long> end) {
    }

    /** A partition with lag that saw no commit from {@code fromNanos} to {@code toNanos}. */
    record Pause(TopicPartition partition, long fromNanos, long toNanos) {
        Duration length() {
            return Duration.ofNanos(toNanos - fromNanos);
        }
    }

    private final KafkaGroups kafka;
    private final String group;
    private final String topic;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "timeline");
        thread.setDaemon(true);
        return thread;
    });

    ConsumptionTimeline(KafkaGroups kafka, String group, String topic) {
        this.kafka = kafka;
        this.group = group;
        this.topic = topic;
    }

    void start() {
        scheduler.scheduleWithFixedDelay(this::sample, 0, SAMPLE_MS, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try {
            Map<TopicPartition, Long> end = kafka.endOffsets(topic);
            Map<TopicPartition, Long> committed = kafka.committed(group, topic);
            samples.add(new Sample(System.nanoTime(), committed, end));
        } catch (RuntimeException e) {
            // a missed sample only lowers the resolution
        }
    }

    /** Pauses of at least {@code minimum}, in time order. */
    List<Pause> pauses(Duration minimum) {
        List<Pause> pauses = new ArrayList<>();
        if (samples.isEmpty()) {
            return pauses;
        }
        for (TopicPartition partition : samples.get(samples.size() - 1).end().keySet()) {
            Long stuckAt = null;
            long since = 0;
            for (Sample sample : samples) {
                long committed = sample.committed().getOrDefault(partition, -1L);
                long end = sample.end().getOrDefault(partition, 0L);
                boolean lagging = end > committed;
                if (stuckAt != null && committed != stuckAt) {
                    if (sample.nanos() - since >= minimum.toNanos()) {
                        pauses.add(new Pause(partition, since, sample.nanos()));
                    }
                    stuckAt = null;
                }
                if (stuckAt == null && lagging) {
                    stuckAt = committed;
                    since = sample.nanos();
                }
                if (!lagging) {
                    stuckAt = null;
                }
            }
        }
        pauses.sort(java.util.Comparator.comparingLong(Pause::fromNanos));
        return pauses;
    }

    /** The longest pause that began in {@code [fromNanos, toNanos)}, if any. */
    java.util.Optional<Pause> longestPauseStartingBetween(long fromNanos, long toNanos, Duration minimum) {
        return pauses(minimum).stream().filter(p -> p.fromNanos() >= fromNanos && p.fromNanos() < toNanos)
                .max(java.util.Comparator.comparingLong(p -> p.toNanos() - p.fromNanos()));
    }

    int sampleCount() {
        return samples.size();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
