package io.newsctl.stream;

import io.newsctl.model.Secrets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How the pipeline's Kafka clients authenticate and encrypt: the one place that turns the
 * {@code news.kafka.security.*} settings into client properties, for producers, consumers and admin
 * clients alike (they are merged into the client overrides every client is built with).
 *
 * <ul>
 *   <li>{@code PLAINTEXT}: nothing (local demo and tests).</li>
 *   <li>{@code SSL}: TLS; with a keystore the client also proves who it is (mutual TLS).</li>
 *   <li>{@code SASL_SSL}: TLS plus a SCRAM user name and password (SCRAM-SHA-512 by default); a
 *       keystore adds mutual TLS on top.</li>
 * </ul>
 * {@code SASL_PLAINTEXT} is refused: it would send the credentials' exchange and every record unencrypted.
 * Passwords are held here, never printed: {@link #toString()} masks them.
 *
 * @param protocol           PLAINTEXT, SSL or SASL_SSL
 * @param saslMechanism      SCRAM-SHA-512 (default) or SCRAM-SHA-256
 * @param username           SCRAM user (SASL_SSL)
 * @param password           SCRAM password (SASL_SSL)
 * @param truststore         CA certificates the broker's certificate must chain to (JKS, PKCS12 or
 *                           PEM file); null = the JVM's default CAs
 * @param truststorePassword password of the truststore (none for PEM)
 * @param truststoreType     JKS, PKCS12 or PEM; null = from the file name (.pem/.crt → PEM, .jks → JKS, else PKCS12)
 * @param keystore           the client's key and certificate for mutual TLS, or null
 * @param keystorePassword   password of the keystore
 * @param keyPassword        password of the key inside the keystore, when it differs
 * @param keystoreType       like {@code truststoreType}
 * @param verifyHostname     check that the broker's certificate names the host connected to (default true)
 */
public record KafkaSecurity(
        String protocol,
        String saslMechanism,
        String username,
        String password,
        Path truststore,
        String truststorePassword,
        String truststoreType,
        Path keystore,
        String keystorePassword,
        String keyPassword,
        String keystoreType,
        boolean verifyHostname) {

    public static final KafkaSecurity PLAINTEXT =
            new KafkaSecurity("PLAINTEXT", null, null, null, null, null, null, null, null, null, null, true);

    public KafkaSecurity {
        protocol = protocol == null || protocol.isBlank() ? "PLAINTEXT" : protocol.strip().toUpperCase(Locale.ROOT);
        saslMechanism = saslMechanism == null || saslMechanism.isBlank() ? "SCRAM-SHA-512"
                : saslMechanism.strip().toUpperCase(Locale.ROOT);
        username = blankToNull(username);
        password = password == null || password.isEmpty() ? null : password;
        switch (protocol) {
            case "PLAINTEXT", "SSL" -> { }
            case "SASL_SSL" -> {
                if (!saslMechanism.equals("SCRAM-SHA-512") && !saslMechanism.equals("SCRAM-SHA-256")) {
                    throw new IllegalArgumentException("news.kafka.security.sasl-mechanism must be SCRAM-SHA-512 or"
                            + " SCRAM-SHA-256, was " + saslMechanism);
                }
                if (username == null || password == null) {
                    throw new IllegalArgumentException("news.kafka.security.protocol=SASL_SSL needs"
                            + " news.kafka.security.username and a password (password or password-file)");
                }
            }
            case "SASL_PLAINTEXT" -> throw new IllegalArgumentException("news.kafka.security.protocol=SASL_PLAINTEXT"
                    + " would send every record unencrypted; use SASL_SSL");
            default -> throw new IllegalArgumentException("news.kafka.security.protocol must be PLAINTEXT, SSL or"
                    + " SASL_SSL, was " + protocol);
        }
        if (keystore != null && keystorePassword == null && !"PEM".equals(typeOf(keystoreType, keystore))) {
            throw new IllegalArgumentException("news.kafka.security.keystore needs a keystore-password");
        }
    }

    /**
     * From environment variables named like the services' settings ({@code NEWS_KAFKA_SECURITY_PROTOCOL},
     * {@code …_USERNAME}, {@code …_PASSWORD} or {@code …_PASSWORD_FILE}, {@code …_TRUSTSTORE},
     * {@code …_TRUSTSTORE_PASSWORD[_FILE]}, {@code …_KEYSTORE}, {@code …_KEYSTORE_PASSWORD[_FILE]},
     * {@code …_KEY_PASSWORD}, {@code …_TRUSTSTORE_TYPE}, {@code …_KEYSTORE_TYPE}, {@code …_SASL_MECHANISM},
     * {@code …_VERIFY_HOSTNAME}): how the command line, which has no Micronaut, is configured.
     */
    public static KafkaSecurity fromEnvironment(Map<String, String> env) {
        String p = "NEWS_KAFKA_SECURITY_";
        return new KafkaSecurity(env.get(p + "PROTOCOL"), env.get(p + "SASL_MECHANISM"), env.get(p + "USERNAME"),
                secret(env.get(p + "PASSWORD"), env.get(p + "PASSWORD_FILE"), p + "PASSWORD"),
                path(env.get(p + "TRUSTSTORE")),
                secret(env.get(p + "TRUSTSTORE_PASSWORD"), env.get(p + "TRUSTSTORE_PASSWORD_FILE"),
                        p + "TRUSTSTORE_PASSWORD"),
                env.get(p + "TRUSTSTORE_TYPE"), path(env.get(p + "KEYSTORE")),
                secret(env.get(p + "KEYSTORE_PASSWORD"), env.get(p + "KEYSTORE_PASSWORD_FILE"), p + "KEYSTORE_PASSWORD"),
                env.get(p + "KEY_PASSWORD"), env.get(p + "KEYSTORE_TYPE"),
                !"false".equalsIgnoreCase(String.valueOf(env.get(p + "VERIFY_HOSTNAME")).strip()));
    }

    /** A path setting; null when unset or blank. */
    public static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value.strip());
    }

    /** SCRAM over TLS, trusting the CAs in {@code truststore}. */
    public static KafkaSecurity scram(String username, String password, Path truststore, String truststorePassword) {
        return new KafkaSecurity("SASL_SSL", null, username, password, truststore, truststorePassword, null, null,
                null, null, null, true);
    }

    /** The same with a client certificate (mutual TLS). */
    public KafkaSecurity withKeystore(Path store, String storePassword) {
        return new KafkaSecurity(protocol, saslMechanism, username, password, truststore, truststorePassword,
                truststoreType, store, storePassword, keyPassword, keystoreType, verifyHostname);
    }

    public boolean encrypted() {
        return !protocol.equals("PLAINTEXT");
    }

    public boolean sasl() {
        return protocol.startsWith("SASL_");
    }

    /** The Kafka client properties (security.protocol, sasl.*, ssl.*). */
    public Map<String, String> clientProperties() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("security.protocol", protocol);
        if (!encrypted()) {
            return props;
        }
        if (sasl()) {
            props.put("sasl.mechanism", saslMechanism);
            props.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                    + jaasQuoted(username) + "\" password=\"" + jaasQuoted(password) + "\";");
        }
        if (truststore != null) {
            props.put("ssl.truststore.location", truststore.toAbsolutePath().toString());
            props.put("ssl.truststore.type", typeOf(truststoreType, truststore));
            if (truststorePassword != null) {
                props.put("ssl.truststore.password", truststorePassword);
            }
        }
        if (keystore != null) {
            props.put("ssl.keystore.location", keystore.toAbsolutePath().toString());
            props.put("ssl.keystore.type", typeOf(keystoreType, keystore));
            if (keystorePassword != null) {
                props.put("ssl.keystore.password", keystorePassword);
            }
            if (keyPassword != null) {
                props.put("ssl.key.password", keyPassword);
            }
        }
        props.put("ssl.endpoint.identification.algorithm", verifyHostname ? "https" : "");
        return props;
    }

    /** Who connects, for messages: the SCRAM user, the client certificate, or nobody in particular. */
    public String principal() {
        if (sasl()) {
            return "user " + username;
        }
        return keystore != null ? "the client certificate in " + keystore : "an anonymous client";
    }

    /** See {@link Secrets#resolve}. */
    public static String secret(String value, String file, String name) {
        return Secrets.resolve(value, file, name);
    }

    private static String typeOf(String type, Path file) {
        if (type != null && !type.isBlank()) {
            return type.strip().toUpperCase(Locale.ROOT);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".pem") || name.endsWith(".crt")) {
            return "PEM";
        }
        return name.endsWith(".jks") ? "JKS" : "PKCS12";
    }

    private static String jaasQuoted(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "KafkaSecurity[protocol=" + protocol + (sasl() ? ", mechanism=" + saslMechanism + ", username="
                + username + ", password=" + Secrets.mask(password) : "")
                + (truststore == null ? "" : ", truststore=" + truststore + ", truststorePassword=" + Secrets.mask(truststorePassword))
                + (keystore == null ? "" : ", keystore=" + keystore + ", keystorePassword=" + Secrets.mask(keystorePassword)
                        + ", keyPassword=" + Secrets.mask(keyPassword))
                + ", verifyHostname=" + verifyHostname + "]";
    }

}
