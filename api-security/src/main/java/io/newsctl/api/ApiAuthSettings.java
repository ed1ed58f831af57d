package io.newsctl.api;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.List;

/**
 * API keys of the HTTP APIs ({@code news.api.auth.*}, env {@code NEWS_API_AUTH_READER_KEYS=k1,k2} …),
 * each plain or {@code sha256:<hex>}. Whether the search API asks for them at all is
 * {@code news.api.auth.enabled} (off for the local demo, on in production); the alert API always does.
 *
 * @param readerKeys  search, export, read alerts
 * @param analystKeys also manage their own alert rules
 * @param adminKeys   everything
 */
@ConfigurationProperties("news.api.auth")
public record ApiAuthSettings(@Nullable List<String> readerKeys, @Nullable List<String> analystKeys,
                              @Nullable List<String> adminKeys) implements ApiKeySource {

    @Override
    public List<Entry> keys() {
        List<Entry> keys = new ArrayList<>();
        add(keys, readerKeys, Roles.READER);
        add(keys, analystKeys, Roles.ANALYST);
        add(keys, adminKeys, Roles.ADMIN);
        return keys;
    }

    /** Adds the non-blank keys of {@code configured} (may be null) with {@code role}. */
    public static void add(List<Entry> keys, List<String> configured, String role) {
        if (configured != null) {
            configured.stream().filter(k -> k != null && !k.isBlank()).forEach(k -> keys.add(new Entry(k, role)));
        }
    }

    @Override
    public String toString() {
        return "ApiAuthSettings[" + keys().size() + " key(s)]";
    }
}
