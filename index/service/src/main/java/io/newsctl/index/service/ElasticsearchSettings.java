package io.newsctl.index.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.newsctl.index.EsConnection;
import io.newsctl.index.IndexLayout;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Where the articles are indexed ({@code news.elasticsearch.*}, env {@code NEWS_ELASTICSEARCH_*}).
 *
 * @param url      Elasticsearch base URL
 * @param apiKey   encoded API key (preferred over basic auth)
 * @param username basic-auth user
 * @param password basic-auth password
 * @param alias    the alias searched and written; the concrete index is {@code <alias>-v<version>}
 * @param version  index version created when the alias does not exist yet
 */
@ConfigurationProperties("news.elasticsearch")
public record ElasticsearchSettings(
        @NotBlank String url,
        @Nullable String apiKey,
        @Nullable String username,
        @Nullable String password,
        @Bindable(defaultValue = "news-articles") @Pattern(regexp = "[a-z0-9][a-z0-9_-]*") String alias,
        @Bindable(defaultValue = "1") @Min(1) int version) {

    public EsConnection connection() {
        return new EsConnection(url, blankToNull(apiKey), blankToNull(username), blankToNull(password));
    }

    public IndexLayout layout() {
        return new IndexLayout(alias, version);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @Override
    public String toString() {
        return connection().toString();
    }
}
