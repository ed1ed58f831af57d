package io.newsctl.api;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.validator.TokenValidator;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accepts a request whose key matches a configured one (from every {@link ApiKeySource}); compares
 * SHA-256 digests in constant time. The authenticated name is a short fingerprint of the key
 * ({@code key-1a2b3c4d}), never the key: it names the caller in rate limits and as a rule's owner.
 */
@Singleton
public class ApiKeyValidator implements TokenValidator<HttpRequest<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyValidator.class);
    private static final String HASHED = "sha256:";

    private record Key(byte[] digest, List<String> roles) {
    }

    private final List<Key> keys = new ArrayList<>();

    public ApiKeyValidator(List<ApiKeySource> sources) {
        for (ApiKeySource source : sources) {
            source.keys().forEach(k -> add(k.key(), Roles.implied(k.role())));
        }
        if (keys.isEmpty()) {
            LOG.warn("no API key configured (news.api.auth.*-keys): every request to a protected API is refused");
        }
    }

    private void add(String configured, List<String> roles) {
        String value = configured.strip();
        byte[] digest = value.toLowerCase(Locale.ROOT).startsWith(HASHED)
                ? HexFormat.of().parseHex(value.substring(HASHED.length()))
                : sha256(value);
        keys.add(new Key(digest, roles));
    }

    @Override
    public Publisher<Authentication> validateToken(String token, HttpRequest<?> request) {
        if (token == null || token.isBlank()) {
            return Publishers.empty();
        }
        byte[] digest = sha256(token.strip());
        for (Key key : keys) {
            if (MessageDigest.isEqual(digest, key.digest())) {
                return Publishers.just(Authentication.build(fingerprint(digest), key.roles(), Map.of()));
            }
        }
        return Publishers.empty();
    }

    /** The name a key is known by: {@code key-} and the first 8 hex digits of its SHA-256. */
    public static String fingerprint(byte[] digest) {
        return "key-" + HexFormat.of().formatHex(digest, 0, 4);
    }

    public static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
