package io.newsctl.embedded;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A one-node KRaft Kafka (broker and controller in one process) running in a child JVM started
 * from the {@code embedded-kafka} module, on free loopback ports, with its data under a directory.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    public static final String ARTIFACT_ID = "embedded-kafka";
    static final String MAIN_CLASS = "io.newsctl.embedded.kafka.KafkaNodeMain";

    /**
     * @param maxHeap          -Xmx of the broker JVM; below ~200m the node needs
     *                         log.cleaner.dedupe.buffer.size lowered (KafkaNodeMain does that)
     * @param jvmOptions       further options for the broker JVM
     * @param brokerProperties broker properties on top of the single-node wiring
     * @param startupTimeout   how long to wait for the broker to answer metadata requests
     */
    public record Settings(String maxHeap, List<String> jvmOptions, Map<String, String> brokerProperties,
            Duration startupTimeout) {

        public Settings {
            jvmOptions = List.copyOf(jvmOptions);
            brokerProperties = Map.copyOf(brokerProperties);
        }

        /** {@link BrokerDefaults}, heap from system property {@code newsctl.embedded.kafka.heap} or 256m. */
        public static Settings defaults() {
            return new Settings(System.getProperty("newsctl.embedded.kafka.heap", "256m"),
                    // Serial GC and C1 only: a dev broker needs little CPU and should start fast and small.
                    List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
                            "-Djava.awt.headless=true"),
                    BrokerDefaults.properties(), Duration.ofSeconds(90));
        }

        public Settings withBrokerProperty(String key, String value) {
            Map<String, String> properties = new LinkedHashMap<>(brokerProperties);
            properties.put(key, value);
            return new Settings(maxHeap, jvmOptions, properties, startupTimeout);
        }

        public Settings withMaxHeap(String heap) {
            return new Settings(heap, jvmOptions, brokerProperties, startupTimeout);
        }
    }

    private final Path dataDir;
    private final Path logFile;
    private final Settings settings;
    private final int port;
    private final int controllerPort;
    private final String bootstrapServers;
    private ChildJvm jvm;
    private Duration startupTime;
    private int restarts;

    private EmbeddedKafka(Path dataDir, Path logFile, Settings settings, int port, int controllerPort) {
        this.dataDir = dataDir;
        this.logFile = logFile;
        this.settings = settings;
        this.port = port;
        this.controllerPort = controllerPort;
        this.bootstrapServers = "127.0.0.1:" + port;
    }

    /**
     * Starts the broker with its data in {@code dataDir} and its log in {@code logFile}; returns
     * once it answers metadata requests.
     */
    public static EmbeddedKafka start(Path dataDir, Path logFile, Settings settings) {
        int[] ports = FreePorts.pick(2);
        EmbeddedKafka kafka = new EmbeddedKafka(dataDir, logFile, settings, ports[0], ports[1]);
        kafka.launch(logFile);
        return kafka;
    }

    private void launch(Path log) {
        List<String> args = new ArrayList<>(List.of(dataDir.toAbsolutePath().toString(),
                Integer.toString(port), Integer.toString(controllerPort)));
        settings.brokerProperties().forEach((key, value) -> args.add(key + "=" + value));
        List<String> jvmOptions = new ArrayList<>();
        jvmOptions.add("-Xmx" + settings.maxHeap());
        jvmOptions.addAll(settings.jvmOptions());

        long spawned = System.nanoTime();
        ChildJvm child = ChildJvm.start(ChildJvmSpec.of(ARTIFACT_ID, MAIN_CLASS, log)
                .withJvmOptions(jvmOptions).withArgs(args).withWorkDir(dataDir));
        try (ReadinessCheck check = new ReadinessCheck(bootstrapServers, port)) {
            child.awaitReady("a ready Kafka broker on " + bootstrapServers, settings.startupTimeout(), check::ready);
        } catch (RuntimeException e) {
            child.stop(Duration.ofSeconds(5));
            throw e;
        }
        Duration startup = Duration.ofNanos(System.nanoTime() - spawned);
        LOG.info("Kafka ready on {} after {} ms (pid {})", bootstrapServers, startup.toMillis(), child.pid());
        jvm = child;
        startupTime = startup;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** The broker's current process: pid, log file, memory. */
    public synchronized ChildJvm jvm() {
        return jvm;
    }

    /** From spawning the JVM to the first successful metadata request (of the latest start). */
    public synchronized Duration startupTime() {
        return startupTime;
    }

    /** Whether the broker process is running (false between {@link #stop()} and {@link #restart()}). */
    public synchronized boolean isRunning() {
        return jvm.isAlive();
    }

    /**
     * Stops the broker gracefully (SIGTERM: logs flushed, the controller leaves cleanly), keeping its
     * data and ports for {@link #restart()}. Clients keep their address and reconnect once it is back.
     */
    public synchronized void stop() {
        jvm.stop(Duration.ofSeconds(15));
    }

    /**
     * Starts the broker again on the same ports and data directory (stopping it first if it runs);
     * returns once it answers metadata requests. Its log goes to {@code <log>.restart-N}.
     */
    public synchronized void restart() {
        if (jvm.isAlive()) {
            stop();
        }
        restarts++;
        launch(logFile.resolveSibling(logFile.getFileName() + ".restart-" + restarts));
    }

    @Override
    public synchronized void close() {
        jvm.stop(Duration.ofSeconds(15));
    }

    /**
     * Ready = the broker lists itself in a metadata response. The admin client is only created once
     * the port accepts connections, so it does not log a warning per refused connection meanwhile.
     */
    private static final class ReadinessCheck implements AutoCloseable {
        private final String bootstrap;
        private final int port;
        private Admin admin;

        ReadinessCheck(String bootstrap, int port) {
            this.bootstrap = bootstrap;
            this.port = port;
        }

        boolean ready() throws Exception {
            if (admin == null) {
                if (!accepts(port)) {
                    return false;
                }
                Properties props = new Properties();
                props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000);
                props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
                admin = Admin.create(props);
            }
            return !admin.describeCluster(new DescribeClusterOptions().timeoutMs(3000))
                    .nodes().get(4, TimeUnit.SECONDS).isEmpty();
        }

        private static boolean accepts(int port) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public void close() {
            if (admin != null) {
                admin.close(Duration.ofSeconds(2));
            }
        }
    }
}
