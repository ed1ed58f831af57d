package io.newsctl.embedded.kafka;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What one combined broker+controller needs: where its log dirs live, its two loopback ports, and
 * extra broker properties chosen by the launcher (product defaults, test tweaks).
 *
 * <p>Command line: {@code <data dir> <broker port> <controller port> [key=value ...]
 * [--add-scram=<credential> ...]}; each {@code --add-scram} credential (e.g.
 * {@code SCRAM-SHA-512=[name=alice,password=secret]}) is written into the cluster metadata when the
 * storage is formatted, as {@code kafka-storage format --add-scram} does, so SCRAM users exist
 * before the first client connects.
 */
record KafkaNodeConfig(Path dataDir, int port, int controllerPort, Map<String, String> overrides,
                       List<String> scramCredentials) {

    static final String USAGE = "usage: KafkaNodeMain <data dir> <broker port> <controller port> [key=value ...]"
            + " [--add-scram=SCRAM-SHA-512=[name=<user>,password=<password>] ...]";
    private static final String ADD_SCRAM = "--add-scram=";

    KafkaNodeConfig {
        overrides = Map.copyOf(overrides);
        scramCredentials = List.copyOf(scramCredentials);
    }

    static KafkaNodeConfig parse(String[] args) {
        if (args.length < 3) {
            throw new IllegalArgumentException(USAGE);
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        List<String> scram = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            if (args[i].startsWith(ADD_SCRAM)) {
                scram.add(args[i].substring(ADD_SCRAM.length()));
                continue;
            }
            int eq = args[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("not a key=value broker property: " + args[i] + "\n" + USAGE);
            }
            overrides.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        return new KafkaNodeConfig(Path.of(args[0]).toAbsolutePath(), Integer.parseInt(args[1]),
                Integer.parseInt(args[2]), overrides, scram);
    }

    Path logDir() {
        return dataDir.resolve("kraft-logs");
    }

    /**
     * The wiring of a one-node KRaft cluster, then the overrides. Internal topics get replication
     * factor 1: with the defaults (3) consumer groups and transactions hang on a single broker.
     */
    Properties brokerProperties() {
        String controller = "127.0.0.1:" + controllerPort;
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", "1");
        p.setProperty("controller.quorum.voters", "1@" + controller);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://" + controller);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("log.dirs", logDir().toString());
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        // The default 128 MB dedupe buffer does not fit the small heaps a dev broker runs with.
        p.setProperty("log.cleaner.dedupe.buffer.size", "4194304");
        overrides.forEach(p::setProperty);
        return p;
    }
}
