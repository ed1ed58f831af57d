package io.newsctl.index;

import io.newsctl.model.Secrets;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How to reach Elasticsearch.
 *
 * @param url           base URL, e.g. {@code https://es.example:9200}
 * @param apiKey        an encoded API key, or null (preferred over basic auth)
 * @param username      basic-auth user, or null
 * @param password      basic-auth password, or null; never logged
 * @param caFile        PEM file of the CA that signed the cluster's HTTP certificate (HTTPS only), or null
 *                      for the JVM's default CAs
 * @param caFingerprint SHA-256 fingerprint (hex, colons allowed) of that CA instead of a file, or null
 */
public record EsConnection(String url, String apiKey, String username, String password, String caFile,
                           String caFingerprint) {
    public EsConnection {
        Objects.requireNonNull(url, "url");
        URI parsed = URI.create(url);
        if (parsed.getScheme() == null || parsed.getHost() == null) {
            throw new IllegalArgumentException("Elasticsearch URL needs a scheme and a host: " + url);
        }
        apiKey = blankToNull(apiKey);
        username = blankToNull(username);
        password = password == null || password.isEmpty() ? null : password;
        caFile = blankToNull(caFile);
        caFingerprint = caFingerprint == null || caFingerprint.isBlank() ? null
                : caFingerprint.replace(":", "").strip().toLowerCase(Locale.ROOT);
        if (caFile != null && caFingerprint != null) {
            throw new IllegalArgumentException("set news.elasticsearch.ca-file or news.elasticsearch.ca-fingerprint,"
                    + " not both");
        }
        if ((caFile != null || caFingerprint != null) && !https(url)) {
            throw new IllegalArgumentException("news.elasticsearch.ca-file / ca-fingerprint need an https:// URL,"
                    + " not " + url);
        }
        if (caFingerprint != null && !caFingerprint.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("news.elasticsearch.ca-fingerprint must be a SHA-256 fingerprint"
                    + " (64 hex digits)");
        }
        if (username != null && password == null) {
            throw new IllegalArgumentException("news.elasticsearch.username needs a password (password or"
                    + " password-file)");
        }
    }

    public EsConnection(String url, String apiKey, String username, String password) {
        this(url, apiKey, username, password, null, null);
    }

    public static EsConnection of(String url) {
        return new EsConnection(url, null, null, null, null, null);
    }

    /**
     * From the environment variables the index service reads too ({@code NEWS_ELASTICSEARCH_API_KEY}
     * or {@code …_API_KEY_FILE}, {@code …_USERNAME}, {@code …_PASSWORD} or {@code …_PASSWORD_FILE},
     * {@code …_CA_FILE}, {@code …_CA_FINGERPRINT}): how the command line is configured.
     */
    public static EsConnection fromEnvironment(String url, Map<String, String> env) {
        String p = "NEWS_ELASTICSEARCH_";
        return new EsConnection(url, Secrets.resolve(env.get(p + "API_KEY"), env.get(p + "API_KEY_FILE"), p + "API_KEY"),
                env.get(p + "USERNAME"), Secrets.resolve(env.get(p + "PASSWORD"), env.get(p + "PASSWORD_FILE"),
                p + "PASSWORD"), env.get(p + "CA_FILE"), env.get(p + "CA_FINGERPRINT"));
    }

    public boolean https() {
        return https(url);
    }

    /** Who connects, for messages. */
    public String principal() {
        if (apiKey != null) {
            return "the configured API key";
        }
        return username != null ? "user " + username : "no credentials";
    }

    private static boolean https(String url) {
        return url.regionMatches(true, 0, "https://", 0, 8);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "EsConnection[url=" + url + ", apiKey=" + Secrets.mask(apiKey) + ", username=" + username
                + ", password=" + Secrets.mask(password) + (caFile == null ? "" : ", caFile=" + caFile)
                + (caFingerprint == null ? "" : ", caFingerprint=" + caFingerprint) + "]";
    }
}
