package io.newsctl.embedded.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * Runs one combined KRaft broker+controller until SIGTERM. Meant to be the main class of a child
 * JVM (see {@code EmbeddedKafka} in embedded-servers); its stdout is the node's log.
 */
public final class KafkaNodeMain {

    private static final String LOG_CONFIG = "io/newsctl/embedded/kafka/log4j2.properties";

    private KafkaNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        useOwnLogConfig();
        KafkaNodeConfig config = KafkaNodeConfig.parse(args);
        Path configFile = writeConfig(config);
        formatIfNeeded(config, configFile);

        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config.brokerProperties()), Time.SYSTEM);
        // SIGTERM runs this hook; the broker then flushes its logs and leaves the quorum cleanly.
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "kafka-node-shutdown"));
        try {
            server.startup();
        } catch (Throwable e) {
            e.printStackTrace();
            Runtime.getRuntime().halt(1); // shutdown hooks would block on the half-started server
        }
        System.out.println("newsctl kafka node started on 127.0.0.1:" + config.port());
        server.awaitShutdown();
    }

    /** Before any logger exists: our config, not whatever log4j2 file a jar happens to ship. */
    private static void useOwnLogConfig() {
        if (System.getProperty("log4j2.configurationFile") == null) {
            var url = KafkaNodeMain.class.getClassLoader().getResource(LOG_CONFIG);
            if (url != null) {
                System.setProperty("log4j2.configurationFile", url.toString());
            }
        }
    }

    private static Path writeConfig(KafkaNodeConfig config) throws IOException {
        Files.createDirectories(config.dataDir());
        Path file = config.dataDir().resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            config.brokerProperties().store(out, "written by KafkaNodeMain at every start");
        }
        return file;
    }

    /** Same as {@code kafka-storage.sh format}, but without the tool's System.exit. */
    private static void formatIfNeeded(KafkaNodeConfig config, Path configFile) {
        if (Files.exists(config.logDir().resolve("meta.properties"))) {
            return; // a restart on existing data keeps its cluster id
        }
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(
                "format", "-t", Uuid.randomUuid().toString(), "-c", configFile.toString()));
        for (String credential : config.scramCredentials()) {
            args.add("--add-scram");
            args.add(credential);
        }
        int rc;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            rc = StorageTool.execute(args.toArray(String[]::new), out);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        System.out.print(output);
        if (!config.scramCredentials().isEmpty()) {
            System.out.println("added " + config.scramCredentials().size() + " SCRAM credential(s)");
        }
        if (rc != 0) {
            throw new IllegalStateException("formatting " + config.logDir() + " failed (exit " + rc + "): " + output);
        }
    }
}
