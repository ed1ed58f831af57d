package io.newsctl.embedded.elasticsearch;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.elasticsearch.common.settings.Settings;

/**
 * What one single-node cluster needs: a home directory (data and logs go below it), two loopback
 * ports, and extra node settings chosen by the launcher.
 *
 * <p>Command line: {@code <home dir> <http port> <transport port> [key=value ...]}.
 */
record ElasticsearchNodeConfig(Path home, int httpPort, int transportPort, Map<String, String> overrides) {

    static final String USAGE =
            "usage: ElasticsearchNodeMain <home dir> <http port> <transport port> [key=value ...]";
    static final String NODE_NAME = "newsctl-es";

    ElasticsearchNodeConfig {
        overrides = Map.copyOf(overrides);
    }

    static ElasticsearchNodeConfig parse(String[] args) {
        if (args.length < 3) {
            throw new IllegalArgumentException(USAGE);
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 3; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not a key=value node setting: " + args[i] + "\n" + USAGE);
            }
            overrides.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        return new ElasticsearchNodeConfig(Path.of(args[0]).toAbsolutePath(), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), overrides);
    }

    Settings settings() {
        Settings.Builder s = Settings.builder()
                .put("path.home", home.toString())
                .put("path.data", home.resolve("data").toString())
                .put("path.logs", home.resolve("logs").toString())
                .put("cluster.name", "newsctl-embedded")
                .put("node.name", NODE_NAME)
                .put("discovery.type", "single-node")
                .put("network.host", "127.0.0.1")
                .put("http.port", httpPort)
                .put("transport.port", transportPort)
                .put("http.type", "netty4")
                .put("transport.type", "netty4")
                // A dev machine with a nearly full disk must not turn indices read-only or leave
                // shards unassigned; a real cluster keeps the watermarks.
                .put("cluster.routing.allocation.disk.threshold_enabled", false);
        overrides.forEach(s::put);
        return s.build();
    }
}
