package io.newsctl.index.service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.newsctl.index.IndexBootstrap;
import io.newsctl.service.StartupTask;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Before consuming: make sure the index templates, index and alias exist, waiting a bounded time
 * for Elasticsearch. Consuming first would let Elasticsearch create the index with guessed mappings.
 */
@Singleton
public class IndexStartup implements StartupTask {
    private static final Logger LOG = LoggerFactory.getLogger(IndexStartup.class);
    private static final Duration ELASTICSEARCH_WAIT = Duration.ofSeconds(90);
    private static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

    private final ElasticsearchClient client;
    private final ElasticsearchSettings settings;

    public IndexStartup(ElasticsearchClient client, ElasticsearchSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    @Override
    public void run() {
        long deadline = System.nanoTime() + ELASTICSEARCH_WAIT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                new IndexBootstrap(client).ensure(settings.layout());
                LOG.info("index alias {} ready", settings.alias());
                return;
            } catch (IOException e) {
                last = e;
                LOG.warn("Elasticsearch at {} not reachable yet: {}", settings.url(), e.getMessage());
                try {
                    Thread.sleep(RETRY_INTERVAL.toMillis()); // waiting for an external server, bounded above
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        throw new IllegalStateException("Elasticsearch at " + settings.url() + " not reachable within "
                + ELASTICSEARCH_WAIT.toSeconds() + " s", last);
    }
}
