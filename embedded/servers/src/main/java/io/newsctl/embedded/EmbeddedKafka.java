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
     * @param security         TLS and SCRAM users, or null for a PLAINTEXT listener
     */
    public record Settings(String maxHeap, List<String> jvmOptions, Map<String, String> brokerProperties,
            Duration startupTimeout, Security security) {

        public Settings {
            jvmOptions = List.copyOf(jvmOptions);
            brokerProperties = Map.copyOf(brokerProperties);
        }

        public Settings(String maxHeap, List<String> jvmOptions, Map<String, String> brokerProperties,
                Duration startupTimeout) {
            this(maxHeap, jvmOptions, brokerProperties, startupTimeout, null);
        }

        /**
         * The client listener becomes SASL_SSL (SCRAM-SHA-512) with these users (name → password),
         * its certificate generated at start-up; with {@code clientAuth} clients must also present
         * the generated client certificate (mutual TLS).
         */
        public Settings withScramOverTls(Map<String, String> users, boolean clientAuth) {
            return new Settings(maxHeap, jvmOptions, brokerProperties, startupTimeout,
                    new Security(users, clientAuth));
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
            return new Settings(maxHeap, jvmOptions, properties, startupTimeout, security);
        }

        public Settings withMaxHeap(String heap) {
            return new Settings(heap, jvmOptions, brokerProperties, startupTimeout, security);
        }
    }

    /**
     * A SASL_SSL client listener: SCRAM-SHA-512 users created when the storage is formatted (before
     * any client connects), TLS with {@link TestCertificates}. The broker's own inter-broker login
     * is one more user with a random password. The KRaft controller listener stays PLAINTEXT on
     * loopback: only the node itself uses it.
     *
     * @param users      SCRAM users, name → password
     * @param clientAuth require a client certificate too (mutual TLS)
     */
    public record Security(Map<String, String> users, boolean clientAuth) {
        public Security {
            users = Map.copyOf(users);
        }

        @Override
        public String toString() {
            return "Security[users=" + users.keySet() + ", clientAuth=" + clientAuth + "]";
        }
    }

    static final String BROKER_USER = "newsctl-broker";

    private final Path dataDir;
    private final Path logFile;
    private final Settings settings;
    private final int port;
    private final int controllerPort;
    private final String bootstrapServers;
    private final TestCertificates certificates;
    /** The broker's own SCRAM password, stored when the storage is formatted; kept for restarts. */
    private final String brokerPassword;
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
        this.certificates = settings.security() == null ? null : TestCertificates.create(dataDir.resolve("tls"));
        this.brokerPassword = settings.security() == null ? null : java.util.UUID.randomUUID().toString();
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
        Map<String, String> readinessClient = Map.of();
        if (settings.security() != null) {
            secureListener(port, controllerPort, settings.security(), certificates, brokerPassword)
                    .forEach((key, value) -> args.add(key + "=" + value));
            Map<String, String> users = new LinkedHashMap<>(settings.security().users());
            users.put(BROKER_USER, brokerPassword);
            users.forEach((user, password) ->
                    args.add("--add-scram=SCRAM-SHA-512=[name=" + user + ",password=" + password + "]"));
            readinessClient = clientProperties(certificates, settings.security().clientAuth(), BROKER_USER,
                    brokerPassword);
        }
        List<String> jvmOptions = new ArrayList<>();
        jvmOptions.add("-Xmx" + settings.maxHeap());
        jvmOptions.addAll(settings.jvmOptions());

        long spawned = System.nanoTime();
        ChildJvm child = ChildJvm.start(ChildJvmSpec.of(ARTIFACT_ID, MAIN_CLASS, log)
                .withJvmOptions(jvmOptions).withArgs(args).withWorkDir(dataDir));
        try (ReadinessCheck check = new ReadinessCheck(bootstrapServers, port, readinessClient)) {
            child.awaitReady("a ready Kafka broker on " + bootstrapServers, settings.startupTimeout(), check::ready);
        } catch (RuntimeException e) {
            child.stop(Duration.ofSeconds(5));
            throw e;
        }
        Duration startup = Duration.ofNanos(System.nanoTime() - spawned);
        LOG.info("Kafka ready on {} after {} ms (pid {}{})", bootstrapServers, startup.toMillis(), child.pid(),
                certificates == null ? "" : ", SASL_SSL");
        jvm = child;
        startupTime = startup;
    }

    /** The listener settings that make the client port SASL_SSL (and the broker log in to itself). */
    static Map<String, String> secureListener(int port, int controllerPort, Security security,
            TestCertificates tls, String brokerPassword) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("listeners", "SASL_SSL://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "SASL_SSL://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "SASL_SSL");
        p.put("sasl.enabled.mechanisms", "SCRAM-SHA-512");
        p.put("sasl.mechanism.inter.broker.protocol", "SCRAM-SHA-512");
        p.put("listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + BROKER_USER
                        + "\" password=\"" + brokerPassword + "\";");
        p.put("ssl.keystore.location", tls.serverKeystore().toString());
        p.put("ssl.keystore.type", "PKCS12");
        p.put("ssl.keystore.password", tls.password());
        p.put("ssl.key.password", tls.password());
        p.put("ssl.truststore.location", tls.serverTruststore().toString());
        p.put("ssl.truststore.type", "PKCS12");
        p.put("ssl.truststore.password", tls.password());
        // KIP-684: on a SASL_SSL listener only the listener-prefixed setting asks for client certificates
        p.put("listener.name.sasl_ssl.ssl.client.auth", security.clientAuth() ? "required" : "none");
        return p;
    }

    /**
     * Client properties for {@code user} on the secure listener (SASL_SSL, SCRAM-SHA-512, trusting
     * the generated CA, with the client certificate when mutual TLS is on). Only for a broker
     * started {@link Settings#withScramOverTls with TLS}.
     */
    public Map<String, String> clientProperties(String user, String password) {
        if (certificates == null) {
            throw new IllegalStateException("this broker runs without TLS");
        }
        return clientProperties(certificates, true, user, password);
    }

    /** The generated TLS files (CA, truststores, client keystore); empty for a PLAINTEXT broker. */
    public java.util.Optional<TestCertificates> certificates() {
        return java.util.Optional.ofNullable(certificates);
    }

    private static Map<String, String> clientProperties(TestCertificates tls, boolean withClientCertificate,
            String user, String password) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("security.protocol", "SASL_SSL");
        p.put("sasl.mechanism", "SCRAM-SHA-512");
        p.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        p.put("ssl.truststore.location", tls.clientTruststore().toString());
        p.put("ssl.truststore.type", "PKCS12");
        p.put("ssl.truststore.password", tls.password());
        if (withClientCertificate) {
            p.put("ssl.keystore.location", tls.clientKeystore().toString());
            p.put("ssl.keystore.type", "PKCS12");
            p.put("ssl.keystore.password", tls.password());
            p.put("ssl.key.password", tls.password());
        }
        return p;
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
        private final Map<String, String> client;
        private Admin admin;

        ReadinessCheck(String bootstrap, int port, Map<String, String> client) {
            this.bootstrap = bootstrap;
            this.port = port;
            this.client = client;
        }

        boolean ready() throws Exception {
            if (admin == null) {
                if (!accepts(port)) {
                    return false;
                }
                Properties props = new Properties();
                props.putAll(client);
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
