package io.newsctl.ingest.service;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.newsctl.ingest.crawl.CrawlSettings;
import io.newsctl.ingest.crawl.CrawlStats;
import io.newsctl.ingest.crawl.Crawler;
import io.newsctl.ingest.source.SourceConfig;
import io.newsctl.ingest.source.SourcesFile;
import io.newsctl.ingest.warc.WarcArchive;
import io.newsctl.service.KafkaSettings;
import io.newsctl.stream.TopicAdmin;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the crawler in the ingest service when {@code news.crawl.sources-file} is set: sources and
 * settings are checked at start-up (a mistake stops the service), crawl state is read back from
 * {@code crawl.state}, then the crawl runs on its own thread until the service stops.
 */
@Singleton
@Requires(property = "news.crawl.sources-file")
public class CrawlJob {
    private static final Logger LOG = LoggerFactory.getLogger(CrawlJob.class);

    private final CrawlConfig config;
    private final KafkaSettings kafka;
    private final Producer<byte[], byte[]> producer;
    private volatile Crawler crawler;
    private volatile boolean stopping;
    private volatile String failure;
    private Thread thread;
    private WarcArchive archive;

    public CrawlJob(CrawlConfig config, KafkaSettings kafka, Producer<byte[], byte[]> producer) {
        this.config = config;
        this.kafka = kafka;
        this.producer = producer;
    }

    @EventListener
    public void onStartup(StartupEvent event) throws IOException {
        CrawlSettings settings = config.toSettings();
        List<SourceConfig> sources = SourcesFile.load(Path.of(config.sourcesFile()));
        if (kafka.createTopics()) {
            List<TopicAdmin.TopicSpec> topics = new ArrayList<>(TopicAdmin.pipelineTopics(kafka.partitions()));
            topics.add(KafkaCrawlStateStore.topicSpec(kafka.partitions()));
            TopicAdmin.ensure(kafka.bootstrapServers(), kafka.clientOverrides(), topics, Duration.ofSeconds(30));
        }
        archive = config.archiveWarc() == null || config.archiveWarc().isBlank() ? null
                : WarcArchive.open(Path.of(config.archiveWarc()));
        Crawler c = Crawler.create(settings, sources,
                new KafkaCrawlStateStore(kafka.bootstrapServers(), kafka.clientOverrides(), producer),
                new KafkaArticleSink(producer), archive);
        thread = Thread.ofPlatform().name("crawler").start(() -> {
            try {
                c.restore();
                crawler = c;
                LOG.info("crawling {} sources from {}", sources.size(), config.sourcesFile());
                c.run(() -> stopping);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException e) {
                failure = e.toString();
                LOG.error("the crawler stopped", e);
            }
        });
    }

    /** The crawler's counters, or null while it restores its state. */
    public CrawlStats.Snapshot status() {
        Crawler c = crawler;
        return c == null ? null : c.status();
    }

    /** Why the crawler stopped, or null while it runs. */
    public String failure() {
        return failure;
    }

    @PreDestroy
    void stop() throws InterruptedException, IOException {
        stopping = true;
        if (thread != null) {
            thread.join(Duration.ofSeconds(30));
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(Duration.ofSeconds(10));
            }
        }
        if (archive != null) {
            archive.close();
        }
    }
}
