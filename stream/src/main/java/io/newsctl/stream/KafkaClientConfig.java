package io.newsctl.stream;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Kafka client properties for the pipeline, in one place. Choices, and why:
 * <ul>
 *   <li>Offsets are committed by hand after the batch is stored (at-least-once, no loss).</li>
 *   <li>Cooperative-sticky assignment: adding or removing an instance moves only the partitions that
 *       must move, instead of stopping every consumer of the group. The Kafka 4 consumer protocol
 *       (KIP-848, {@code group.protocol=consumer} as a client override) is incremental too; the broker
 *       assigns the partitions then, so no client-side assignor is set.</li>
 *   <li>Producers are idempotent with acks=all, and batch with a small linger: alerts must arrive
 *       within a second, and a few milliseconds of linger cut the per-message cost several fold.</li>
 *   <li>Keys and values stay bytes: the stage decodes them itself, so a record that cannot be decoded
 *       is dead-lettered byte for byte instead of crashing the consumer.</li>
 * </ul>
 */
public final class KafkaClientConfig {
    /** Largest record the pipeline writes; the topics are created to accept it. */
    public static final int MAX_RECORD_BYTES = 4 * 1024 * 1024;

    private KafkaClientConfig() {
    }

    public static Map<String, Object> consumer(StageSettings settings) {
        Map<String, Object> props = new HashMap<>();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId(settings.stage() + "-consumer"));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // the alert service writes in transactions: never act on output of an aborted one
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords());
        props.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, MAX_RECORD_BYTES);
        if (settings.groupInstanceId() != null && !settings.groupInstanceId().isBlank()) {
            props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, settings.groupInstanceId());
        }
        props.putAll(settings.clientOverrides());
        if ("consumer".equalsIgnoreCase(String.valueOf(props.get(ConsumerConfig.GROUP_PROTOCOL_CONFIG)).strip())) {
            // the consumer refuses a client-side assignor with the broker-driven protocol
            props.remove(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG);
        }
        return props;
    }

    public static Map<String, Object> producer(String clientName, String bootstrapServers,
                                               Map<String, String> overrides) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId(clientName));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 64 * 1024);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_RECORD_BYTES);
        props.putAll(overrides);
        return props;
    }

    /** Admin client properties: bootstrap plus the security overrides. */
    public static Map<String, Object> admin(String bootstrapServers, Map<String, String> overrides) {
        Map<String, Object> props = new HashMap<>();
        props.put("bootstrap.servers", bootstrapServers);
        props.put("client.id", clientId("newsctl-admin"));
        props.putAll(overrides);
        return props;
    }

    private static String clientId(String name) {
        // host name + pid tell instances apart in broker logs and client metrics
        return name + "-" + ManagementFactory.getRuntimeMXBean().getName().replace('@', '-');
    }
}
