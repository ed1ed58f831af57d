package io.newsctl.index.service;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.transport.TransportException;
import io.newsctl.index.EsConnection;
import io.newsctl.index.IndexBootstrap;
import io.newsctl.service.StartupTask;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Duration;
import javax.net.ssl.SSLException;
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
        EsConnection connection = settings.connection();
        if (!connection.https() && !connection.principal().equals("no credentials")) {
            LOG.warn("Elasticsearch credentials are sent unencrypted to {}; use an https:// URL", settings.url());
        }
        long deadline = System.nanoTime() + ELASTICSEARCH_WAIT.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                new IndexBootstrap(client).ensure(settings.layout());
                LOG.info("index alias {} ready ({} as {})", settings.alias(), settings.url(), connection.principal());
                return;
            } catch (ElasticsearchException e) {
                RuntimeException refused = refusal(e.status(), connection, e);
                throw refused != null ? refused : e;
            } catch (IOException e) {
                RuntimeException refused = refusal(e, connection);
                if (refused != null) {
                    throw refused; // waiting would not help
                }
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

    /** A failure that retrying cannot fix (credentials, privileges, TLS), explained; else null. */
    static RuntimeException refusal(IOException e, EsConnection connection) {
        if (e instanceof TransportException t) {
            return refusal(t.statusCode(), connection, e);
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException) {
                return new IllegalStateException("TLS handshake with Elasticsearch at " + connection.url()
                        + " failed (check news.elasticsearch.url, ca-file or ca-fingerprint): " + cause.getMessage(), e);
            }
        }
        return null;
    }

    static RuntimeException refusal(int status, EsConnection connection, Exception e) {
        return switch (status) {
            case 401 -> new IllegalStateException("Elasticsearch at " + connection.url() + " refused "
                    + connection.principal() + " (HTTP 401: check news.elasticsearch.api-key or username and"
                    + " password)", e);
            case 403 -> new IllegalStateException("Elasticsearch at " + connection.url() + " does not let "
                    + connection.principal() + " manage the index " + "(HTTP 403: it needs the index privileges"
                    + " create_index, manage, read, write on the alias and its indices, and manage_index_templates)",
                    e);
            default -> null;
        };
    }
}
