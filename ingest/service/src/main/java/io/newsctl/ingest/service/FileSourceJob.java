package io.newsctl.ingest.service;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.newsctl.ingest.ArticleParser;
import io.newsctl.ingest.DuplicateDetector;
import io.newsctl.ingest.ParsedPage;
import io.newsctl.ingest.RawArticles;
import io.newsctl.ingest.SavedPages;
import io.newsctl.model.RawArticle;
import io.newsctl.service.KafkaSettings;
import io.newsctl.stream.TopicAdmin;
import io.newsctl.stream.TransientException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The saved-pages source: scans a directory of *.html files, parses each, publishes the articles.
 * A page is published again only when its content changed since the last scan; a page repeating an
 * earlier one's text (a repost) is published with {@code duplicateOf} set.
 */
@Singleton
public class FileSourceJob {
    private static final Logger LOG = LoggerFactory.getLogger(FileSourceJob.class);
    private static final String SOURCE = "files";

    private final IngestSettings settings;
    private final KafkaSettings kafka;
    private final ArticlePublisher publisher;
    private final ArticleParser parser = ArticleParser.createDefault();
    private final Clock clock = Clock.systemUTC();
    private final Map<String, String> publishedHashes = new HashMap<>();
    private final DuplicateDetector duplicates = new DuplicateDetector();
    private final IngestStatus status = new IngestStatus();
    private ScheduledExecutorService scheduler;

    public FileSourceJob(IngestSettings settings, KafkaSettings kafka, ArticlePublisher publisher) {
        this.settings = settings;
        this.kafka = kafka;
        this.publisher = publisher;
    }

    public IngestStatus status() {
        return status;
    }

    @EventListener
    public void onStartup(StartupEvent event) {
        if (settings.filesRoot() == null || settings.filesRoot().isBlank()) {
            return;
        }
        if (kafka.createTopics()) {
            TopicAdmin.ensure(kafka.bootstrapServers(), kafka.clientOverrides(),
                    TopicAdmin.pipelineTopics(kafka.partitions()), Duration.ofSeconds(30));
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "file-source"));
        Duration interval = settings.filesRescanInterval();
        if (interval == null || interval.isZero()) {
            scheduler.execute(this::scanSafely);
        } else {
            scheduler.scheduleWithFixedDelay(this::scanSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private void scanSafely() {
        try {
            scan(Path.of(settings.filesRoot()));
        } catch (RuntimeException | IOException | TransientException e) {
            status.failed(e.toString());
            LOG.error("scan of {} failed", settings.filesRoot(), e);
        }
    }

    synchronized void scan(Path root) throws IOException, TransientException {
        Instant now = clock.instant();
        List<RawArticle> batch = new ArrayList<>();
        int pages = 0;
        int notArticles = 0;
        SavedPages.Scan scan = SavedPages.scan(root);
        for (SavedPages.Skipped skipped : scan.skipped()) {
            LOG.warn("skipped {}: {}", skipped.file(), skipped.reason());
        }
        for (SavedPages.SavedPage saved : scan.pages()) {
            pages++;
            ParsedPage page = parser.parse(saved.read(), null, saved.url(), saved.savedAt());
            if (!page.isArticle()) {
                notArticles++;
                continue;
            }
            RawArticle article = RawArticles.toRawArticle(page, saved.url(), SOURCE, now);
            if (article.contentHash().equals(publishedHashes.get(article.id()))) {
                continue;
            }
            batch.add(duplicates.mark(article));
        }
        publisher.publish(batch);
        batch.forEach(a -> publishedHashes.put(a.id(), a.contentHash()));
        status.scanned(pages, notArticles, batch.size(), publishedHashes.size());
        LOG.info("scanned {}: {} pages, {} not articles, {} published", root, pages, notArticles, batch.size());
    }
}
