package io.newsctl.index;

import java.net.URI;
import java.util.Objects;

/**
 * How to reach Elasticsearch.
 *
 * @param url      base URL, e.g. {@code http://127.0.0.1:9200}
 * @param apiKey   an encoded API key, or null
 * @param username basic-auth user, or null
 * @param password basic-auth password, or null; never logged
 */
public record EsConnection(String url, String apiKey, String username, String password) {
    public EsConnection {
        Objects.requireNonNull(url, "url");
        URI parsed = URI.create(url);
        if (parsed.getScheme() == null || parsed.getHost() == null) {
            throw new IllegalArgumentException("Elasticsearch URL needs a scheme and a host: " + url);
        }
    }

    public static EsConnection of(String url) {
        return new EsConnection(url, null, null, null);
    }

    @Override
    public String toString() {
        return "EsConnection[url=" + url + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", username=" + username + ", password=" + (password == null ? "none" : "***") + "]";
    }
}
