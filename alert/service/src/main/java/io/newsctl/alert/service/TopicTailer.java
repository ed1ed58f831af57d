package io.newsctl.alert.service;

import io.newsctl.stream.KafkaClientConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a whole topic from the beginning, then follows it, on a thread of its own, handing the
 * committed records of each poll to a callback (in offset order per partition): how every instance keeps the rules and the alert history in
 * memory. No consumer group: every instance reads every partition. Offers read-your-writes: after
 * producing at offset n, {@link #awaitPosition} returns once the callback has seen it.
 */
final class TopicTailer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TopicTailer.class);

    private final String topic;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Consumer<List<ConsumerRecord<byte[], byte[]>>> callback;
    private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();
    private final Object progress = new Object();
    private volatile Map<TopicPartition, Long> startEnd;
    private volatile boolean running = true;
    private volatile Throwable failure;
    private final Thread thread;

    TopicTailer(String topic, String bootstrapServers, Map<String, String> overrides,
                Consumer<List<ConsumerRecord<byte[], byte[]>>> callback) {
        this.topic = topic;
        this.callback = callback;
        Map<String, Object> props = KafkaClientConfig.admin(bootstrapServers, overrides);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "alert-tail-" + topic + "-" + ProcessHandle.current().pid());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString());
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, KafkaClientConfig.MAX_RECORD_BYTES);
        props.remove("group.id");
        this.consumer = new KafkaConsumer<>(props);
        this.thread = new Thread(this::run, "tail-" + topic);
        this.thread.setDaemon(true);
    }

    /** Assigns every partition, rewinds to the start, and starts following. */
    void start(Duration timeout) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " has no partitions (does it exist?)");
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        startEnd = consumer.endOffsets(partitions, timeout);
        partitions.forEach(p -> positions.put(p, 0L));
        thread.start();
    }

    /** Waits until everything the topic held at start-up was read. */
    void awaitStartupRead(Duration timeout) throws InterruptedException {
        for (Map.Entry<TopicPartition, Long> end : startEnd.entrySet()) {
            if (!awaitPosition(end.getKey().partition(), end.getValue(), timeout)) {
                throw new IllegalStateException("could not read " + topic + " within " + timeout
                        + (failure == null ? "" : ": " + failure));
            }
        }
    }

    /** Waits until the records of {@code partition} before {@code offset} were handed to the callback. */
    boolean awaitPosition(int partition, long offset, Duration timeout) throws InterruptedException {
        TopicPartition tp = new TopicPartition(topic, partition);
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (positions.getOrDefault(tp, 0L) < offset) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || !running) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
        }
        return true;
    }

    boolean isRunning() {
        return running && failure == null;
    }

    private void run() {
        try {
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    List<ConsumerRecord<byte[], byte[]>> batch = new java.util.ArrayList<>(records.count());
                    records.forEach(batch::add);
                    try {
                        callback.accept(batch);
                    } catch (RuntimeException e) {
                        LOG.warn("{}: {} records skipped ({})", topic, batch.size(), e.toString());
                    }
                }
                Map<TopicPartition, Long> now = consumer.assignment().stream()
                        .collect(Collectors.toMap(p -> p, consumer::position));
                synchronized (progress) {
                    positions.putAll(now);
                    progress.notifyAll();
                }
            }
        } catch (WakeupException e) {
            // closing
        } catch (RuntimeException e) {
            failure = e;
            LOG.error("tailing {} failed", topic, e);
        } finally {
            running = false;
            synchronized (progress) {
                progress.notifyAll();
            }
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        running = false;
        if (!thread.isAlive()) {
            consumer.close(Duration.ofSeconds(5));
            return;
        }
        consumer.wakeup();
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
