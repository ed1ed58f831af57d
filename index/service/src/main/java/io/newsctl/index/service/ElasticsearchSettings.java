package io.newsctl.index.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.newsctl.index.EsConnection;
import io.newsctl.index.IndexLayout;
import io.newsctl.model.Secrets;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Where the articles are indexed ({@code news.elasticsearch.*}, env {@code NEWS_ELASTICSEARCH_*}).
 * Each secret can instead be read from a file ({@code …-file}, e.g. a mounted Kubernetes Secret),
 * which wins when both are set.
 *
 * @param url           Elasticsearch base URL ({@code https://…} in production)
 * @param apiKey        encoded API key (preferred over basic auth)
 * @param apiKeyFile    file holding it
 * @param username      basic-auth user
 * @param password      basic-auth password
 * @param passwordFile  file holding it
 * @param caFile        PEM file of the CA that signed the cluster's HTTP certificate
 * @param caFingerprint SHA-256 fingerprint of that CA instead (what Elasticsearch prints at first start)
 * @param alias         the alias searched and written; the concrete index is {@code <alias>-v<version>}
 * @param version       index version created when the alias does not exist yet
 */
@ConfigurationProperties("news.elasticsearch")
public record ElasticsearchSettings(
        @NotBlank String url,
        @Nullable String apiKey,
        @Nullable String apiKeyFile,
        @Nullable String username,
        @Nullable String password,
        @Nullable String passwordFile,
        @Nullable String caFile,
        @Nullable String caFingerprint,
        @Bindable(defaultValue = "news-articles") @Pattern(regexp = "[a-z0-9][a-z0-9_-]*") String alias,
        @Bindable(defaultValue = "1") @Min(1) int version) {

    public EsConnection connection() {
        return new EsConnection(url, Secrets.resolve(apiKey, apiKeyFile, "news.elasticsearch.api-key"), username,
                Secrets.resolve(password, passwordFile, "news.elasticsearch.password"), caFile, caFingerprint);
    }

    public IndexLayout layout() {
        return new IndexLayout(alias, version);
    }

    @Override
    public String toString() {
        return connection().toString();
    }
}
