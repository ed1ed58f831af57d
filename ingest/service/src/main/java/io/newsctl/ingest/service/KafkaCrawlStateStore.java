package io.newsctl.ingest.service;

import io.newsctl.model.Topics;
import io.newsctl.ingest.crawl.CrawlState;
import io.newsctl.ingest.crawl.CrawlStateStore;
import io.newsctl.model.ModelJson;
import io.newsctl.stream.KafkaClientConfig;
import io.newsctl.stream.TopicAdmin;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawl states in a compacted Kafka topic ({@value #TOPIC}): key = the URL, value = the
 * {@link CrawlState} JSON; compaction keeps the latest state per URL. {@link #load} reads the topic
 * from the beginning to the end offsets it finds at start, without a consumer group. A plain class
 * (no Micronaut) so {@code newsctl crawl} uses it in-process too.
 */
public final class KafkaCrawlStateStore implements CrawlStateStore {
    /** The crawl state topic. */
    public static final String TOPIC = Topics.CRAWL_STATE;
    private static final Logger LOG = LoggerFactory.getLogger(KafkaCrawlStateStore.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(5);

    private final String bootstrapServers;
    private final Map<String, String> overrides;
    private final Producer<byte[], byte[]> producer;

    public KafkaCrawlStateStore(String bootstrapServers, Map<String, String> overrides,
                                Producer<byte[], byte[]> producer) {
        this.bootstrapServers = bootstrapServers;
        this.overrides = overrides;
        this.producer = producer;
    }

    /** The topic as it should be created: compacted, so it holds one state per URL. */
    public static TopicAdmin.TopicSpec topicSpec(int partitions) {
        return new TopicAdmin.TopicSpec(TOPIC, partitions, Map.of(
                "cleanup.policy", "compact",
                "min.compaction.lag.ms", Long.toString(Duration.ofMinutes(10).toMillis()),
                "max.message.bytes", Integer.toString(KafkaClientConfig.MAX_RECORD_BYTES)));
    }

    @Override
    public void load(Consumer<CrawlState> sink) throws IOException {
        Map<String, Object> props = new HashMap<>(KafkaClientConfig.admin(bootstrapServers, overrides));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, KafkaClientConfig.MAX_RECORD_BYTES);
        long deadline = System.nanoTime() + LOAD_TIMEOUT.toNanos();
        int read = 0;
        int unreadable = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo p : consumer.partitionsFor(TOPIC, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(TOPIC, p.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = new HashMap<>(consumer.endOffsets(partitions, Duration.ofSeconds(30)));
            end.values().removeIf(offset -> offset == 0);
            while (!end.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("reading " + TOPIC + " took longer than " + LOAD_TIMEOUT + "; "
                            + read + " states read so far");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.value() != null) {
                        try {
                            sink.accept(ModelJson.mapper().readValue(record.value(), CrawlState.class));
                            read++;
                        } catch (IOException | RuntimeException e) {
                            unreadable++;
                        }
                    }
                }
                end.entrySet().removeIf(e -> consumer.position(e.getKey()) >= e.getValue());
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            throw new IOException("cannot read " + TOPIC + " from " + bootstrapServers + ": " + e.getMessage(), e);
        }
        if (unreadable > 0) {
            LOG.warn("{} records of {} could not be read and were skipped", unreadable, TOPIC);
        }
    }

    @Override
    public void put(CrawlState state) throws IOException {
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(TOPIC, state.url().getBytes(StandardCharsets.UTF_8),
                ModelJson.encode(state));
        try {
            producer.send(record).get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while storing the crawl state of " + state.url(), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("crawl state of " + state.url() + " not stored in " + TOPIC + ": "
                    + (e.getCause() != null ? e.getCause() : e), e);
        }
    }
}
