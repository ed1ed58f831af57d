package io.newsctl.stream;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The consume → process → commit loop of a stage, on a thread of its own.
 *
 * <p>One batch at a time: poll, hand the batch to the {@link BatchHandler}, dead-letter what it
 * rejected, commit. Offsets are committed only after the handler returned, i.e. after the batch is
 * stored, so a crash at any point re-delivers rather than loses. Nothing is in flight when
 * {@code poll} runs; offsets of stored batches whose commit did not go through (a commit refused
 * while a rebalance is in progress, a timeout) are kept and committed again on the next batch, when
 * their partitions are revoked, and before the consumer closes — so a rebalance or a graceful stop
 * re-delivers nothing that was stored.
 *
 * <p>While the handler reports {@link TransientException}s the runner pauses its partitions and
 * keeps polling (so the group does not evict it), then retries the same batch with capped
 * exponential back-off. This is also the back-pressure: a slow sink slows consumption instead of
 * piling records up in memory.
 */
public final class StageRunner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StageRunner.class);

    public enum State { NEW, RUNNING, BACKING_OFF, STOPPED, FAILED }

    private final StageSettings settings;
    private final BatchHandler handler;
    private final Backoff backoff;
    private final Clock clock;
    private final Counter processed;
    private final Counter deadLettered;
    private final Counter retries;
    private final Timer batchTimer;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Timer handleTimer;
    private final Counter assignedEvents;
    private final Counter revokedEvents;
    private final Counter lostEvents;
    private final MeterRegistry registry;
    private final AtomicReference<State> state = new AtomicReference<>(State.NEW);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Set<TopicPartition> revokedDuringBatch = new HashSet<>();
    /** Offsets of stored records not yet committed; only touched by the loop thread (callbacks run in poll). */
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
    private final Set<TopicPartition> owned = new HashSet<>();
    private final AtomicInteger assignedPartitions = new AtomicInteger();
    private volatile boolean stopRequested;
    private volatile boolean backingOff;
    private Thread thread;

    public StageRunner(StageSettings settings, BatchHandler handler, MeterRegistry registry) {
        this(settings, handler, registry, Clock.systemUTC());
    }

    public StageRunner(StageSettings settings, BatchHandler handler, MeterRegistry registry, Clock clock) {
        this.settings = settings;
        this.handler = handler;
        this.registry = registry;
        this.clock = clock;
        this.backoff = new Backoff(settings.backoffInitial(), settings.backoffMax());
        this.processed = Counter.builder("newsctl.stage.records").tag("stage", settings.stage())
                .tag("outcome", "stored").description("records processed and committed").register(registry);
        this.deadLettered = Counter.builder("newsctl.stage.records").tag("stage", settings.stage())
                .tag("outcome", "dead-lettered").description("records sent to the dead-letter topic")
                .register(registry);
        this.retries = Counter.builder("newsctl.stage.retries").tag("stage", settings.stage())
                .description("batch retries after transient failures").register(registry);
        this.batchTimer = Timer.builder("newsctl.stage.batch").tag("stage", settings.stage())
                .description("time to process and commit one batch").register(registry);
        this.handleTimer = Timer.builder("newsctl.stage.handle").tag("stage", settings.stage())
                .description("time the handler took to store one batch (for index: one bulk request)")
                .register(registry);
        this.assignedEvents = rebalanceCounter("assigned");
        this.revokedEvents = rebalanceCounter("revoked");
        this.lostEvents = rebalanceCounter("lost");
        Gauge.builder("newsctl.stage.partitions", assignedPartitions, AtomicInteger::get).tag("stage", settings.stage())
                .description("partitions currently assigned to this instance").register(registry);
        Gauge.builder("newsctl.stage.in-flight", inFlight, AtomicInteger::get).tag("stage", settings.stage())
                .description("records of the batch being processed (polled, not yet committed); 0 between batches")
                .register(registry);
    }

    private Counter rebalanceCounter(String event) {
        return Counter.builder("newsctl.stage.rebalances").tag("stage", settings.stage()).tag("event", event)
                .description("rebalance callbacks that moved partitions to or from this instance").register(registry);
    }

    /** Starts the loop on a new thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        thread = new Thread(this::run, "stage-" + settings.stage());
        thread.start();
    }

    public State state() {
        return state.get();
    }

    /** Why the loop died, when {@link #state()} is {@link State#FAILED}. */
    public Throwable failure() {
        return failure.get();
    }

    /** True while the loop is consuming (possibly backing off): what readiness reports. */
    public boolean isRunning() {
        State current = state.get();
        return current == State.RUNNING || current == State.BACKING_OFF;
    }

    /**
     * Stops after the current batch is stored and committed, then leaves the group. A batch still
     * waiting out a back-off is abandoned uncommitted (it will be re-delivered).
     */
    @Override
    public void close() {
        stopRequested = true;
        Thread running;
        synchronized (this) {
            running = thread;
        }
        if (running == null) {
            state.set(State.STOPPED);
            return;
        }
        try {
            if (!stopped.await(60, TimeUnit.SECONDS)) {
                LOG.warn("stage {} did not stop within 60 s", settings.stage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try (Consumer<byte[], byte[]> consumer = new KafkaConsumer<>(KafkaClientConfig.consumer(settings));
             Producer<byte[], byte[]> producer = new KafkaProducer<>(KafkaClientConfig.producer(
                     settings.stage() + "-dlq", settings.bootstrapServers(), settings.clientOverrides()));
             KafkaClientMetrics consumerMetrics = new KafkaClientMetrics(consumer)) {
            consumerMetrics.bindTo(registry);
            DeadLetterPublisher deadLetters = new DeadLetterPublisher(settings.stage(), producer, clock);
            consumer.subscribe(List.of(settings.inputTopic()), new RebalanceListener(consumer));
            state.set(State.RUNNING);
            LOG.info("stage {} consuming {} as group {}", settings.stage(), settings.inputTopic(), settings.groupId());
            while (!stopRequested) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(settings.pollTimeout());
                if (records.isEmpty()) {
                    commitUncommitted(consumer); // a commit that failed earlier, retried while idle
                    continue;
                }
                List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>(records.count());
                records.forEach(batch::add);
                Timer.Sample sample = Timer.start(registry);
                inFlight.set(batch.size());
                if (process(consumer, deadLetters, batch)) {
                    commit(consumer, batch);
                }
                inFlight.set(0);
                sample.stop(batchTimer);
            }
            // Graceful stop: the last batch is stored; commit what is left, then close() leaves the
            // group (its revocation callback commits anything a rebalance still held back).
            commitUncommitted(consumer);
            state.set(State.STOPPED);
        } catch (Throwable e) {
            failure.set(e);
            state.set(State.FAILED);
            LOG.error("stage {} failed; it no longer consumes", settings.stage(), e);
        } finally {
            if (state.get() == State.STOPPED) {
                LOG.info("stage {} stopped and left group {}", settings.stage(), settings.groupId());
            }
            stopped.countDown();
        }
    }

    /** Returns true when the batch is stored (or dead-lettered) and may be committed. */
    private boolean process(Consumer<byte[], byte[]> consumer, DeadLetterPublisher deadLetters,
                            List<ConsumerRecord<byte[], byte[]>> batch) {
        revokedDuringBatch.clear();
        int attempt = 0;
        while (true) {
            batch.removeIf(r -> revokedDuringBatch.contains(new TopicPartition(r.topic(), r.partition())));
            if (batch.isEmpty()) {
                return false;
            }
            try {
                Timer.Sample handling = Timer.start(registry);
                List<Rejection> rejections = handler.handle(List.copyOf(batch));
                handling.stop(handleTimer);
                deadLetters.publish(rejections);
                deadLettered.increment(rejections.size());
                processed.increment(batch.size() - rejections.size());
                logRejections(rejections);
                return true;
            } catch (TransientException e) {
                if (!waitOut(consumer, e, attempt++)) {
                    return false;
                }
            } catch (RuntimeException e) {
                LOG.warn("stage {}: batch of {} failed ({}); retrying its records one by one",
                        settings.stage(), batch.size(), e.toString());
                return processOneByOne(consumer, deadLetters, batch);
            }
        }
    }

    /** Isolates poison records: each record alone; the ones that still fail are dead-lettered. */
    private boolean processOneByOne(Consumer<byte[], byte[]> consumer, DeadLetterPublisher deadLetters,
                                    List<ConsumerRecord<byte[], byte[]>> batch) {
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            int attempt = 0;
            while (true) {
                if (revokedDuringBatch.contains(new TopicPartition(record.topic(), record.partition()))) {
                    break;
                }
                try {
                    List<Rejection> rejections;
                    try {
                        rejections = handler.handle(List.of(record));
                    } catch (RuntimeException e) {
                        rejections = List.of(new Rejection(record, "processing-error",
                                settings.stage() + " failed on this record: " + e));
                    }
                    deadLetters.publish(rejections);
                    deadLettered.increment(rejections.size());
                    processed.increment(1 - rejections.size());
                    logRejections(rejections);
                    break;
                } catch (TransientException e) {
                    if (!waitOut(consumer, e, attempt++)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    /**
     * Backs off while keeping the consumer in its group: partitions paused, polls return nothing
     * but keep the heartbeat and rebalance callbacks going. Returns false when a stop was requested.
     */
    private boolean waitOut(Consumer<byte[], byte[]> consumer, TransientException cause, int attempt) {
        Duration delay = backoff.delay(attempt);
        retries.increment();
        state.set(State.BACKING_OFF);
        LOG.warn("stage {}: {} — retrying in {} ms (attempt {})", settings.stage(), cause.getMessage(),
                delay.toMillis(), attempt + 1);
        backingOff = true;
        try {
            consumer.pause(consumer.assignment());
            long deadline = System.nanoTime() + delay.toNanos();
            while (!stopRequested) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    break;
                }
                ConsumerRecords<byte[], byte[]> unexpected =
                        consumer.poll(Duration.ofNanos(Math.min(remaining, Duration.ofMillis(200).toNanos())));
                rewind(consumer, unexpected);
            }
        } finally {
            consumer.resume(consumer.paused());
            backingOff = false;
        }
        if (stopRequested) {
            return false;
        }
        state.set(State.RUNNING);
        return true;
    }

    /** Records fetched while backing off (from partitions assigned meanwhile) are read again later. */
    private static void rewind(Consumer<byte[], byte[]> consumer, ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> fetched = records.records(partition);
            if (!fetched.isEmpty()) {
                consumer.seek(partition, fetched.get(0).offset());
            }
        }
    }

    /** Remembers the batch's offsets as stored, then commits everything not yet committed. */
    private void commit(Consumer<byte[], byte[]> consumer, List<ConsumerRecord<byte[], byte[]>> batch) {
        for (ConsumerRecord<byte[], byte[]> record : batch) {
            uncommitted.merge(new TopicPartition(record.topic(), record.partition()),
                    new OffsetAndMetadata(record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        commitUncommitted(consumer);
    }

    private void commitUncommitted(Consumer<byte[], byte[]> consumer) {
        if (uncommitted.isEmpty()) {
            return;
        }
        uncommitted.keySet().retainAll(consumer.assignment()); // partitions gone are another member's now
        commitSync(consumer, Map.copyOf(uncommitted), "batch");
    }

    /**
     * Commits {@code offsets} and forgets them once stored. A commit refused because a rebalance is
     * in progress keeps them: they are committed on revocation or with the next batch. A commit
     * refused because this member was fenced drops them: the partitions belong to another member,
     * which re-reads from the last commit (writes are idempotent; the cost is repeated work).
     */
    private void commitSync(Consumer<byte[], byte[]> consumer, Map<TopicPartition, OffsetAndMetadata> offsets,
                            String when) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets);
            offsets.forEach((partition, offset) -> uncommitted.remove(partition, offset)); // unless newer
        } catch (RebalanceInProgressException e) {
            LOG.info("stage {}: {} commit deferred by a rebalance in progress; retried after it", settings.stage(),
                    when);
        } catch (CommitFailedException e) {
            offsets.keySet().forEach(uncommitted::remove);
            LOG.info("stage {}: {} commit refused after a rebalance ({}); records will be re-delivered",
                    settings.stage(), when, e.getMessage());
        } catch (KafkaException e) {
            LOG.warn("stage {}: {} commit failed ({}); retried with the next batch", settings.stage(), when,
                    e.toString());
        }
    }

    private void logRejections(List<Rejection> rejections) {
        for (Rejection rejection : rejections) {
            ConsumerRecord<byte[], byte[]> record = rejection.record();
            LOG.warn("stage {}: dead-lettered {}-{}@{}: {} ({})", settings.stage(), record.topic(),
                    record.partition(), record.offset(), rejection.errorType(), rejection.reason());
        }
    }

    private final class RebalanceListener implements ConsumerRebalanceListener {
        private final Consumer<byte[], byte[]> consumer;

        RebalanceListener(Consumer<byte[], byte[]> consumer) {
            this.consumer = consumer;
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Called only from poll() (or close()), when no batch is in flight except one waiting out
            // a back-off: drop that batch's records of these partitions, uncommitted, for the new
            // owner; commit what was stored of them but not yet committed, so it is not read twice.
            revokedDuringBatch.addAll(partitions);
            if (partitions.isEmpty()) {
                return;
            }
            Map<TopicPartition, OffsetAndMetadata> stored = new HashMap<>();
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata offset = uncommitted.get(partition);
                if (offset != null) {
                    stored.put(partition, offset);
                }
            }
            commitSync(consumer, stored, "revocation");
            partitions.forEach(uncommitted::remove);
            revokedEvents.increment();
            owned.removeAll(partitions);
            assignedPartitions.set(owned.size());
            LOG.info("stage {}: partitions revoked {}", settings.stage(), partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            // Already another member's: nothing may be committed for them.
            revokedDuringBatch.addAll(partitions);
            partitions.forEach(uncommitted::remove);
            if (!partitions.isEmpty()) {
                lostEvents.increment();
                owned.removeAll(partitions);
                assignedPartitions.set(owned.size());
                LOG.warn("stage {}: partitions lost {}", settings.stage(), partitions);
            }
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (backingOff) {
                consumer.pause(partitions);
            }
            owned.addAll(partitions);
            assignedPartitions.set(owned.size());
            if (!partitions.isEmpty()) {
                assignedEvents.increment();
                LOG.info("stage {}: partitions assigned {}", settings.stage(), partitions);
            }
        }
    }
}
