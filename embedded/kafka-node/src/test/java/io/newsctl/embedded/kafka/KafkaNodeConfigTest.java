package io.newsctl.embedded.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class KafkaNodeConfigTest {

    @Test
    void wiresOneCombinedNodeOnTheGivenLoopbackPorts() {
        Properties p = KafkaNodeConfig.parse(new String[] {"/data/k", "40001", "40002"}).brokerProperties();

        assertEquals("broker,controller", p.getProperty("process.roles"));
        assertEquals("1@127.0.0.1:40002", p.getProperty("controller.quorum.voters"));
        assertEquals("PLAINTEXT://127.0.0.1:40001,CONTROLLER://127.0.0.1:40002", p.getProperty("listeners"));
        assertEquals("PLAINTEXT://127.0.0.1:40001", p.getProperty("advertised.listeners"));
        assertEquals(Path.of("/data/k/kraft-logs").toString(), p.getProperty("log.dirs"));
        assertEquals("1", p.getProperty("offsets.topic.replication.factor"));
    }

    @Test
    void propertiesFromTheLauncherComeOnTop() {
        Properties p = KafkaNodeConfig.parse(new String[] {"/d", "1", "2", "num.partitions=3",
                "log.cleaner.dedupe.buffer.size=1048576", "some.value=a=b"}).brokerProperties();

        assertEquals("3", p.getProperty("num.partitions"));
        assertEquals("1048576", p.getProperty("log.cleaner.dedupe.buffer.size"));
        assertEquals("a=b", p.getProperty("some.value"));
    }

    @Test
    void scramCredentialsAreKeptForFormattingNotPassedToTheBroker() {
        KafkaNodeConfig config = KafkaNodeConfig.parse(new String[] {"/d", "1", "2", "num.partitions=3",
            "--add-scram=SCRAM-SHA-512=[name=alice,password=a=b]"});

        assertEquals(java.util.List.of("SCRAM-SHA-512=[name=alice,password=a=b]"), config.scramCredentials());
        assertEquals(null, config.brokerProperties().getProperty("--add-scram"));
        assertEquals("3", config.brokerProperties().getProperty("num.partitions"));
    }

    @Test
    void badArgumentsExplainTheUsage() {
        IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
                () -> KafkaNodeConfig.parse(new String[] {"/d"}));
        IllegalArgumentException notAPair = assertThrows(IllegalArgumentException.class,
                () -> KafkaNodeConfig.parse(new String[] {"/d", "1", "2", "num.partitions"}));

        assertTrue(tooFew.getMessage().startsWith("usage:"), tooFew.getMessage());
        assertTrue(notAPair.getMessage().contains("num.partitions"), notAPair.getMessage());
    }
}
