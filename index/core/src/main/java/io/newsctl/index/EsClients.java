package io.newsctl.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import io.newsctl.model.ModelJson;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.net.ssl.SSLContext;

/** Builds the official Elasticsearch client for a connection. */
public final class EsClients {
    private EsClients() {
    }

    public static ElasticsearchClient create(EsConnection connection) {
        SSLContext ssl = sslContext(connection);
        return ElasticsearchClient.of(config -> {
            config.host(connection.url())
                    .jsonMapper(new JacksonJsonpMapper(ModelJson.mapper().copy()));
            if (ssl != null) {
                config.sslContext(ssl);
            }
            if (connection.apiKey() != null) {
                config.apiKey(connection.apiKey());
            } else if (connection.username() != null) {
                config.usernameAndPassword(connection.username(), connection.password());
            }
            return config;
        });
    }

    /**
     * Trust for HTTPS: the CA in {@code caFile}, or any chain holding a certificate with
     * {@code caFingerprint} (what Elasticsearch prints at its first start), else the JVM's default
     * CAs (null). The host name is verified in every case.
     */
    static SSLContext sslContext(EsConnection connection) {
        if (connection.caFingerprint() != null) {
            return TransportUtils.sslContextFromCaFingerprint(connection.caFingerprint());
        }
        if (connection.caFile() != null) {
            try {
                return TransportUtils.sslContextFromHttpCaCrt(new File(connection.caFile()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read news.elasticsearch.ca-file " + connection.caFile(), e);
            }
        }
        return null;
    }
}
