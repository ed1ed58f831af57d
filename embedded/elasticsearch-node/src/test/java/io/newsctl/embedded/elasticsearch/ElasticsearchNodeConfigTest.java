package io.newsctl.embedded.elasticsearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;

import org.elasticsearch.common.settings.Settings;
import org.junit.jupiter.api.Test;

class ElasticsearchNodeConfigTest {

    @Test
    void singleLoopbackNodeWithDataAndLogsUnderHome() {
        Settings s = ElasticsearchNodeConfig.parse(new String[] {"/es", "40001", "40002"}).settings();

        assertEquals("single-node", s.get("discovery.type"));
        assertEquals("127.0.0.1", s.get("network.host"));
        assertEquals("40001", s.get("http.port"));
        assertEquals("40002", s.get("transport.port"));
        assertEquals(Path.of("/es/data").toString(), s.get("path.data"));
        assertEquals(Path.of("/es/logs").toString(), s.get("path.logs"));
        assertEquals("false", s.get("cluster.routing.allocation.disk.threshold_enabled"));
    }

    @Test
    void settingsFromTheLauncherComeOnTop() {
        Settings s = ElasticsearchNodeConfig.parse(
                new String[] {"/es", "1", "2", "cluster.name=other", "node.attr.zone=a"}).settings();

        assertEquals("other", s.get("cluster.name"));
        assertEquals("a", s.get("node.attr.zone"));
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ElasticsearchNodeConfig.parse(new String[] {"/es", "1"}));
        assertThrows(IllegalArgumentException.class,
                () -> ElasticsearchNodeConfig.parse(new String[] {"/es", "1", "2", "=x"}));
    }
}
