package io.newsctl.alert.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.newsctl.api.ApiAuthSettings;
import io.newsctl.api.ApiKeySource;
import io.newsctl.api.Roles;
import java.util.ArrayList;
import java.util.List;

/**
 * The alert service's own key settings ({@code news.alert.auth.*}, env
 * {@code NEWS_ALERT_AUTH_ANALYST_KEYS=k1,k2}), kept beside the shared {@code news.api.auth.*}
 * (reader, analyst and admin keys). A key is written plain or as {@code sha256:<hex>} of the key.
 * Analysts manage their own rules and read alerts; viewers only read alerts. No key configured at
 * all: every request to the API is refused (401).
 *
 * @param analystKeys keys with role ANALYST (and READER)
 * @param viewerKeys  keys with role READER
 */
@ConfigurationProperties("news.alert.auth")
public record ApiKeys(@Nullable List<String> analystKeys, @Nullable List<String> viewerKeys) implements ApiKeySource {

    @Override
    public List<Entry> keys() {
        List<Entry> keys = new ArrayList<>();
        ApiAuthSettings.add(keys, analystKeys, Roles.ANALYST);
        ApiAuthSettings.add(keys, viewerKeys, Roles.READER);
        return keys;
    }

    @Override
    public String toString() {
        return "ApiKeys[" + keys().size() + " key(s)]";
    }
}
