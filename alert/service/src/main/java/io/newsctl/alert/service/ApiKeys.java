package io.newsctl.alert.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * API keys for the REST API ({@code news.alert.auth.*}, env {@code NEWS_ALERT_AUTH_ANALYST_KEYS=k1,k2}).
 * A key is written plain or as {@code sha256:<hex>} of the key, so configuration need not hold it.
 * Analysts manage rules and read alerts; viewers only read alerts. No key configured: every request
 * to the API is refused (401).
 *
 * @param analystKeys keys with role ANALYST (and VIEWER)
 * @param viewerKeys  keys with role VIEWER
 */
@ConfigurationProperties("news.alert.auth")
public record ApiKeys(@Nullable List<String> analystKeys, @Nullable List<String> viewerKeys) {
    public List<String> analysts() {
        return analystKeys == null ? List.of() : analystKeys;
    }

    public List<String> viewers() {
        return viewerKeys == null ? List.of() : viewerKeys;
    }
}
