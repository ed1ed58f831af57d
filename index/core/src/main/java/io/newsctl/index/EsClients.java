package io.newsctl.index;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import io.newsctl.model.ModelJson;

/** Builds the official Elasticsearch client for a connection. */
public final class EsClients {
    private EsClients() {
    }

    public static ElasticsearchClient create(EsConnection connection) {
        return ElasticsearchClient.of(config -> {
            config.host(connection.url())
                    .jsonMapper(new JacksonJsonpMapper(ModelJson.mapper().copy()));
            if (connection.apiKey() != null) {
                config.apiKey(connection.apiKey());
            } else if (connection.username() != null) {
                config.usernameAndPassword(connection.username(), connection.password());
            }
            return config;
        });
    }
}
