package io.newsctl.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.junit.jupiter.api.Test;

class KafkaClientConfigTest {
    private static final StageSettings SETTINGS = StageSettings.of("extract", "127.0.0.1:9", "extract", "articles.raw");

    @Test
    void theClassicProtocolUsesTheCooperativeStickyAssignor() {
        Map<String, Object> props = KafkaClientConfig.consumer(SETTINGS);
        assertEquals(CooperativeStickyAssignor.class.getName(), props.get(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG));
        assertEquals("false", props.get(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG));
    }

    @Test
    void theKafka4ConsumerProtocolGetsNoClientSideAssignorWhichItWouldRefuse() {
        Map<String, Object> props = KafkaClientConfig.consumer(
                SETTINGS.withClientOverrides(Map.of("group.protocol", "consumer")));
        assertFalse(props.containsKey(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG));
        new KafkaConsumer<byte[], byte[]>(props).close(); // accepted (no connection is made here)

        Map<String, Object> withAssignor = new java.util.HashMap<>(props);
        withAssignor.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        assertThrows(KafkaException.class, () -> new KafkaConsumer<byte[], byte[]>(withAssignor).close());
    }

    @Test
    void staticMembershipSetsTheGroupInstanceId() {
        Map<String, Object> props = KafkaClientConfig.consumer(SETTINGS.withGroupInstanceId("extract-0"));
        assertEquals("extract-0", props.get(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
        assertFalse(KafkaClientConfig.consumer(SETTINGS.withGroupInstanceId(" "))
                .containsKey(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG));
    }
}
