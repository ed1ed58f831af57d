package io.newsctl.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

class BrokerDefaultsTest {

    @Test
    void containerGetsTheSameSettingsAsImageEnvironment() {
        Map<String, String> env = BrokerDefaults.asImageEnvironment();

        assertEquals(BrokerDefaults.properties().size(), env.size());
        assertEquals("3", env.get("KAFKA_NUM_PARTITIONS"));
        assertEquals("true", env.get("KAFKA_AUTO_CREATE_TOPICS_ENABLE"));
        assertEquals("4194304", env.get("KAFKA_MESSAGE_MAX_BYTES"));
        assertEquals("0", env.get("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS"));
    }
}
