package io.newsctl.cli;

import io.newsctl.embedded.ChildJvm;
import io.newsctl.embedded.NewsServers;
import io.newsctl.embedded.RunningServers;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsctl demo}: a Kafka broker and an Elasticsearch node in child JVMs, the four services,
 * the saved pages of {@code samples/} ingested; prints the search URL and runs until Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the whole pipeline on embedded servers and serve search on localhost.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "8080", description = "Port of the search API and UI (default ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--samples", paramLabel = "DIR", description = "Saved pages to ingest (default: samples/).")
    Path samples;

    @Option(names = "--rules", paramLabel = "DIR", description = "Alert rules to load (default: samples/rules/).")
    Path rules;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Server data and logs (default: data/demo/).")
    Path dataDir;

    @Option(names = "--keep-data", description = "Keep the data of an earlier run instead of starting fresh.")
    boolean keepData;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path home = Path.of(System.getProperty("newsctl.home", ".")).toAbsolutePath().normalize();
        Path samplesDir = samples != null ? samples : home.resolve("samples");
        Path data = dataDir != null ? dataDir : home.resolve("data/demo");
        Path rulesDir = rules != null ? rules : home.resolve("samples/rules");
        if (!Files.isDirectory(samplesDir)) {
            throw new IllegalArgumentException("no samples directory at " + samplesDir);
        }
        if (!keepData) {
            deleteRecursively(data);
        }
        Files.createDirectories(data);
        long started = System.nanoTime();
        out.println("Starting Kafka and Elasticsearch (data and logs in " + data + ") …");
        out.flush();
        RunningServers servers = NewsServers.startEmbedded(data.resolve("servers"));
        DemoPipeline pipeline;
        try {
            out.println("Starting ingest, extract, index and alert, and ingesting " + samplesDir + " …");
            out.flush();
            pipeline = DemoPipeline.start(servers.endpoints(),
                    new DemoPipeline.Options(samplesDir, rulesDir, port, data.resolve("logs"),
                            DemoPipeline.QUICK_START_JVM_OPTIONS));
        } catch (RuntimeException e) {
            servers.close();
            throw e;
        }
        Duration coldStart = Duration.ofNanos(System.nanoTime() - started);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("\nStopping …");
            out.flush();
            pipeline.close();
            servers.close();
            stopped.countDown();
        }, "newsctl-demo-stop"));

        String query = URLEncoder.encode("寒武纪", StandardCharsets.UTF_8);
        out.printf("%nReady in %.1f s: %d articles searchable.%n", coldStart.toMillis() / 1000.0,
                pipeline.articlesIngested());
        if (pipeline.servesUi()) {
            out.println("  Search UI:   " + pipeline.searchBaseUrl() + "/");
        }
        out.println("  Search API:  " + pipeline.searchBaseUrl() + "/api/search?q=" + query);
        out.println("  Kafka:       " + servers.endpoints().kafkaBootstrap());
        out.println("  Elasticsearch: " + servers.endpoints().elasticsearchUrl());
        out.println("Processes (resident memory):");
        processes(servers, pipeline).forEach((name, rss) -> out.printf("  %-14s %s%n", name, rss));
        out.println("Press Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }

    private static Map<String, String> processes(RunningServers servers, DemoPipeline pipeline) {
        Map<String, String> rss = new LinkedHashMap<>();
        servers.embeddedKafka().ifPresent(k -> rss.put("kafka", describe(k.jvm())));
        servers.embeddedElasticsearch().ifPresent(e -> rss.put("elasticsearch", describe(e.jvm())));
        for (ServiceProcess service : pipeline.services()) {
            rss.put(service.name(), "pid " + service.pid() + ", " + megabytes(service.rssKib()));
        }
        return rss;
    }

    private static String describe(ChildJvm jvm) {
        return "pid " + jvm.pid() + ", " + megabytes(jvm.rssKib());
    }

    private static String megabytes(OptionalLong kib) {
        return kib.isPresent() ? (kib.getAsLong() / 1024) + " MB RSS" : "RSS unknown";
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
