package io.newsctl.cli;

import io.newsctl.ingest.crawl.CrawlSettings;
import io.newsctl.ingest.crawl.CrawlStateStore;
import io.newsctl.ingest.crawl.CrawlStats;
import io.newsctl.ingest.crawl.Crawler;
import io.newsctl.ingest.crawl.MemoryStateStore;
import io.newsctl.ingest.fetch.FetchSettings;
import io.newsctl.ingest.service.KafkaArticleSink;
import io.newsctl.ingest.source.Durations;
import io.newsctl.ingest.source.SourceConfig;
import io.newsctl.ingest.source.SourcesFile;
import io.newsctl.ingest.warc.WarcArchive;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.Producer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsctl crawl [--source FILE.yaml]… [--once]}: the crawler in this process, publishing to
 * {@code articles.raw} and keeping its state in {@code crawl.state} on the given Kafka. With
 * {@code --once}: one pass over the sources and everything found from them, then a summary; else
 * each source on its schedule until Ctrl-C.
 */
@Command(name = "crawl", mixinStandardHelpOptions = true,
        description = "Crawl the configured sources (robots.txt, per-host delays, back-off) and publish the articles to Kafka.")
final class CrawlCommand implements Callable<Integer> {

    @Option(names = "--source", paramLabel = "FILE.yaml",
            description = "A sources file (repeatable; default: samples/sources/36kr.yaml).")
    List<Path> sourceFiles = new ArrayList<>();

    @Option(names = "--once", description = "One pass, then print a summary and exit (exit 1 if every fetch failed).")
    boolean once;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--state", defaultValue = "kafka", paramLabel = "kafka|memory",
            description = "Where crawl state lives: the crawl.state topic (default) or memory (forgotten at exit).")
    String state;

    @Option(names = "--allow", paramLabel = "CIDR",
            description = "An internal address range the SSRF guard lets through (repeatable; e.g. 127.0.0.1/32 for a local test site).")
    List<String> allow = new ArrayList<>();

    @Option(names = "--delay", paramLabel = "DURATION", description = "Pause between requests to one host (default 5s).")
    String delay;

    @Option(names = "--threads", description = "Hosts fetched in parallel (default 4).")
    Integer threads;

    @Option(names = "--user-agent", paramLabel = "UA", description = "User-Agent header.")
    String userAgent;

    @Option(names = "--max-body-bytes", paramLabel = "N", description = "Largest page read (default 5 MiB).")
    Long maxBodyBytes;

    @Option(names = "--archive", paramLabel = "FILE.warc.gz", description = "Also archive every fetched response to this WARC file.")
    Path archive;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        CrawlSettings settings = settings();
        List<SourceConfig> sources = new ArrayList<>();
        List<Path> files = sourceFiles.isEmpty()
                ? List.of(Path.of(System.getProperty("newsctl.home", ".")).resolve("samples/sources/36kr.yaml"))
                : sourceFiles;
        for (Path file : files) {
            sources.addAll(SourcesFile.load(file));
        }
        if (!state.equals("kafka") && !state.equals("memory")) {
            throw new IllegalArgumentException("--state must be kafka or memory, was " + state);
        }
        kafka.ensureTopics();
        try (Producer<byte[], byte[]> producer = kafka.producer("newsctl-crawl");
             WarcArchive warc = archive == null ? null : WarcArchive.open(archive);
             CrawlStateStore store = state.equals("kafka") ? kafka.stateStore(producer) : new MemoryStateStore()) {
            Crawler crawler = Crawler.create(settings, sources, store, new KafkaArticleSink(producer), warc);
            out.printf("Crawling %d sources from %s; articles to %s%n", sources.size(), files, kafka.bootstrap);
            out.flush();
            crawler.restore();
            if (once) {
                CrawlStats.Snapshot s = crawler.runOnce();
                print(out, s);
                return s.requests() > 0 && s.fetched() + s.notModified() == 0 ? 1 : 0;
            }
            CountDownLatch done = new CountDownLatch(1);
            AtomicBoolean stop = new AtomicBoolean();
            Thread hook = new Thread(() -> {
                stop.set(true);
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "newsctl-crawl-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                crawler.run(stop::get);
            } finally {
                print(out, crawler.status());
                done.countDown();
            }
            return 0;
        }
    }

    private CrawlSettings settings() {
        FetchSettings fetch = FetchSettings.defaults();
        if (userAgent != null || maxBodyBytes != null) {
            fetch = new FetchSettings(userAgent != null ? userAgent : fetch.userAgent(), fetch.connectTimeout(),
                    fetch.responseTimeout(), maxBodyBytes != null ? maxBodyBytes : fetch.maxBodyBytes(),
                    fetch.maxRedirects());
        }
        CrawlSettings.Builder b = CrawlSettings.builder().fetch(fetch).allowedCidrs(allow);
        if (delay != null) {
            b.defaultDelay(Durations.parse(delay));
        }
        if (threads != null) {
            b.threads(threads);
        }
        return b.build();
    }

    private static void print(PrintWriter out, CrawlStats.Snapshot s) {
        out.printf("%d requests: %d fetched, %d not modified, %d retried, %d failed, %d blocked, %d disallowed by robots.txt%n",
                s.requests(), s.fetched(), s.notModified(), s.retries(), s.failed(), s.blocked(), s.disallowed());
        out.printf("%d articles published (%d reposts marked duplicateOf); %d links queued, %d refused (queue full)%n",
                s.articles(), s.duplicates(), s.linksQueued(), s.linksRefused());
        if (s.lastError() != null) {
            out.println("last problem: " + s.lastError());
        }
        out.flush();
    }
}
