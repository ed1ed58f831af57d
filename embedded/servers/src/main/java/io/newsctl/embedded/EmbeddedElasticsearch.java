package io.newsctl.embedded;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node Elasticsearch cluster running in a child JVM started from the
 * {@code embedded-elasticsearch} module, on free loopback ports, with data and logs under a home
 * directory. It has the core features and analysis plus the {@code whitespace} tokenizer and
 * {@code cjk_width} filter; no scripting, percolator or other distribution modules.
 */
public final class EmbeddedElasticsearch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedElasticsearch.class);

    public static final String ARTIFACT_ID = "embedded-elasticsearch";
    static final String MAIN_CLASS = "io.newsctl.embedded.elasticsearch.ElasticsearchNodeMain";

    /**
     * @param maxHeap        -Xmx of the node JVM
     * @param jvmOptions     further options for the node JVM
     * @param nodeSettings   node settings on top of the single-node defaults
     * @param startupTimeout how long to wait for a yellow cluster
     */
    public record Settings(String maxHeap, List<String> jvmOptions, Map<String, String> nodeSettings,
            Duration startupTimeout) {

        public Settings {
            jvmOptions = List.copyOf(jvmOptions);
            nodeSettings = Map.copyOf(nodeSettings);
        }

        /** Heap from system property {@code newsctl.embedded.elasticsearch.heap} or 512m. */
        public static Settings defaults() {
            return new Settings(System.getProperty("newsctl.embedded.elasticsearch.heap", "512m"),
                    List.of("-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true",
                            // Lucene and ES call native code through the FFM API; say it is intended.
                            "--enable-native-access=ALL-UNNAMED"),
                    Map.of(), Duration.ofSeconds(120));
        }

        public Settings withNodeSetting(String key, String value) {
            Map<String, String> settings = new LinkedHashMap<>(nodeSettings);
            settings.put(key, value);
            return new Settings(maxHeap, jvmOptions, settings, startupTimeout);
        }

        public Settings withMaxHeap(String heap) {
            return new Settings(heap, jvmOptions, nodeSettings, startupTimeout);
        }
    }

    private final Path homeDir;
    private final Path logFile;
    private final Settings settings;
    private final int httpPort;
    private final int transportPort;
    private final URI url;
    private ChildJvm jvm;
    private Duration startupTime;
    private int restarts;

    private EmbeddedElasticsearch(Path homeDir, Path logFile, Settings settings, int httpPort, int transportPort) {
        this.homeDir = homeDir;
        this.logFile = logFile;
        this.settings = settings;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
        this.url = URI.create("http://127.0.0.1:" + httpPort);
    }

    /**
     * Starts the node with {@code homeDir} as its path.home (data and logs below it) and its
     * console log in {@code logFile}; returns once the cluster is at least yellow.
     */
    public static EmbeddedElasticsearch start(Path homeDir, Path logFile, Settings settings) {
        int[] ports = FreePorts.pick(2);
        EmbeddedElasticsearch node = new EmbeddedElasticsearch(homeDir, logFile, settings, ports[0], ports[1]);
        node.launch(logFile);
        return node;
    }

    private void launch(Path log) {
        List<String> args = new ArrayList<>(List.of(homeDir.toAbsolutePath().toString(),
                Integer.toString(httpPort), Integer.toString(transportPort)));
        settings.nodeSettings().forEach((key, value) -> args.add(key + "=" + value));
        List<String> jvmOptions = new ArrayList<>();
        jvmOptions.add("-Xms" + settings.maxHeap()); // as ES recommends: no heap resizing pauses
        jvmOptions.add("-Xmx" + settings.maxHeap());
        jvmOptions.addAll(settings.jvmOptions());

        long spawned = System.nanoTime();
        ChildJvm child = ChildJvm.start(ChildJvmSpec.of(ARTIFACT_ID, MAIN_CLASS, log)
                .withJvmOptions(jvmOptions).withArgs(args).withWorkDir(homeDir));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(url.resolve("/_cluster/health?wait_for_status=yellow&timeout=2s"))
                .timeout(Duration.ofSeconds(5)).GET().build();
        try {
            child.awaitReady("a yellow Elasticsearch cluster at " + url, settings.startupTimeout(),
                    () -> http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
        } catch (RuntimeException e) {
            child.stop(Duration.ofSeconds(5));
            throw e;
        } finally {
            http.close();
        }
        Duration startup = Duration.ofNanos(System.nanoTime() - spawned);
        LOG.info("Elasticsearch ready at {} after {} ms (pid {})", url, startup.toMillis(), child.pid());
        jvm = child;
        startupTime = startup;
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234}. */
    public URI url() {
        return url;
    }

    /** The node's current process: pid, log file, memory. */
    public synchronized ChildJvm jvm() {
        return jvm;
    }

    /** From spawning the JVM to the first yellow health answer (of the latest start). */
    public synchronized Duration startupTime() {
        return startupTime;
    }

    /** Whether the node process is running (false between {@link #stop()} and {@link #restart()}). */
    public synchronized boolean isRunning() {
        return jvm.isAlive();
    }

    /**
     * Stops the node gracefully (SIGTERM: shards flushed and closed), keeping its data and ports for
     * {@link #restart()}. Clients keep their address; requests fail with connection refused meanwhile.
     */
    public synchronized void stop() {
        jvm.stop(Duration.ofSeconds(20));
    }

    /**
     * Starts the node again on the same ports and home directory (stopping it first if it runs);
     * returns once the cluster is yellow again. Its log goes to {@code <log>.restart-N}.
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
        jvm.stop(Duration.ofSeconds(20));
    }
}
