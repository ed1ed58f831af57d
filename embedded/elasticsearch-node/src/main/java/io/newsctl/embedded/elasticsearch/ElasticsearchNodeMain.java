package io.newsctl.embedded.elasticsearch;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.elasticsearch.common.logging.LogConfigurator;
import org.elasticsearch.node.ClasspathPluginsNode;
import org.elasticsearch.node.Node;
import org.elasticsearch.transport.netty4.Netty4Plugin;

/**
 * Runs one single-node Elasticsearch cluster until SIGTERM. Meant to be the main class of a child
 * JVM (see {@code EmbeddedElasticsearch} in embedded-servers); its stdout is the node's log.
 */
public final class ElasticsearchNodeMain {

    private static final String LOG_CONFIG = "io/newsctl/embedded/elasticsearch/log4j2.properties";

    private ElasticsearchNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        ElasticsearchNodeConfig config = ElasticsearchNodeConfig.parse(args);
        setSystemDefaults(config);
        LogConfigurator.configureESLogging(); // before any ES class logs, or LogManager fails

        Files.createDirectories(config.home());
        Node node = new ClasspathPluginsNode(config.settings(), ElasticsearchNodeConfig.NODE_NAME, List.of(
                Netty4Plugin.class, RootInfoPlugin.class, CommonAnalysisSubsetPlugin.class));
        // All ES threads are daemons: main has to stay alive until the node is closed.
        CountDownLatch closed = new CountDownLatch(1);
        // SIGTERM runs this hook: flush and close shards so the data dir is consistent afterwards.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close(node);
            closed.countDown();
        }, "es-node-shutdown"));
        try {
            node.start();
        } catch (Throwable e) {
            e.printStackTrace();
            Runtime.getRuntime().halt(1); // shutdown hooks would block on the half-started node
        }
        System.out.println("newsctl elasticsearch node started on http://127.0.0.1:" + config.httpPort());
        closed.await();
    }

    /**
     * What a distribution sets in jvm.options and its launcher, applied only where the caller did
     * not choose otherwise. Must run before ES, Netty or log4j classes initialise.
     */
    private static void setSystemDefaults(ElasticsearchNodeConfig config) {
        setIfAbsent("es.path.home", config.home().toString()); // read by native-library lookup
        var logConfig = ElasticsearchNodeMain.class.getClassLoader().getResource(LOG_CONFIG);
        if (logConfig != null) {
            // otherwise the test framework jar's log4j2-test.properties would win
            setIfAbsent("log4j2.configurationFile", logConfig.toString());
        }
        setIfAbsent("log4j.shutdownHookEnabled", "false"); // keep logging while the node closes
        setIfAbsent("log4j2.disable.jmx", "true");
        setIfAbsent("io.netty.noUnsafe", "true");
        setIfAbsent("io.netty.noKeySetOptimization", "true");
        setIfAbsent("io.netty.recycler.maxCapacityPerThread", "0");
        setIfAbsent("java.locale.providers", "CLDR");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    private static void close(Node node) {
        try {
            node.close();
            if (node.awaitClose(20, TimeUnit.SECONDS) == false) {
                System.err.println("elasticsearch node did not close within 20 s");
            }
        } catch (Exception e) {
            e.printStackTrace();
        }
    }
}
