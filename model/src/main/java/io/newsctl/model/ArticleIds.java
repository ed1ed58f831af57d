package io.newsctl.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Stable ids derived from content, so replays and re-crawls overwrite instead of duplicating. */
public final class ArticleIds {
    private static final int ID_BYTES = 16;

    private ArticleIds() {
    }

    /** The article id for a canonical URL: 32 hex digits of its SHA-256. */
    public static String of(String canonicalUrl) {
        byte[] digest = sha256(canonicalUrl.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, ID_BYTES);
    }

    /** Hex SHA-256 of a text, e.g. for {@link RawArticle#contentHash()}. */
    public static String contentHash(String text) {
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** Deterministic alert id for a rule and an article, so an alert is never fired twice. */
    public static String alertId(String ruleId, String articleId) {
        return of(ruleId + '\n' + articleId);
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
