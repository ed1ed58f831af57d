package io.newsctl.service;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.MapFormat;
import io.newsctl.stream.KafkaSecurity;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kafka settings every service shares ({@code news.kafka.*}, or env {@code NEWS_KAFKA_*}).
 *
 * @param bootstrapServers broker addresses
 * @param createTopics     create missing topics at start-up (dev, demo, tests); off in production
 *                         where topics are declared as Strimzi resources
 * @param partitions       partitions of topics created at start-up
 * @param groupInstanceId  static group membership id, e.g. the pod name; empty for dynamic membership
 * @param properties       extra Kafka client properties; they win over everything else
 * @param security         TLS and SASL/SCRAM ({@code news.kafka.security.*})
 */
@ConfigurationProperties("news.kafka")
public record KafkaSettings(
        @NotBlank String bootstrapServers,
        @Bindable(defaultValue = "true") boolean createTopics,
        @Bindable(defaultValue = "3") @Min(1) @Max(1000) int partitions,
        @Nullable String groupInstanceId,
        @Nullable @MapFormat(transformation = MapFormat.MapTransformation.FLAT) Map<String, String> properties,
        @Nullable Security security) {

    /**
     * How the services' Kafka clients authenticate ({@code news.kafka.security.*}, env
     * {@code NEWS_KAFKA_SECURITY_*}); see {@link KafkaSecurity}. Each password can instead be read
     * from a file ({@code …-file}, e.g. a mounted Kubernetes Secret), which wins when both are set.
     *
     * @param protocol                 PLAINTEXT (default), SSL or SASL_SSL
     * @param saslMechanism            SCRAM-SHA-512 (default) or SCRAM-SHA-256
     * @param username                 SCRAM user
     * @param password                 SCRAM password
     * @param passwordFile             file holding the SCRAM password
     * @param truststore               CA file (PEM) or truststore (PKCS12/JKS) the brokers' certificates chain to
     * @param truststorePassword       its password (not for PEM)
     * @param truststorePasswordFile   file holding it
     * @param truststoreType           PEM, PKCS12 or JKS; default from the file name
     * @param keystore                 client key and certificate for mutual TLS
     * @param keystorePassword         its password
     * @param keystorePasswordFile     file holding it
     * @param keyPassword              password of the key, when it differs from the keystore's
     * @param keystoreType             PEM, PKCS12 or JKS; default from the file name
     * @param verifyHostname           check the broker certificate's host name (default true)
     */
    @ConfigurationProperties("security")
    public record Security(
            @Nullable String protocol,
            @Nullable String saslMechanism,
            @Nullable String username,
            @Nullable String password,
            @Nullable String passwordFile,
            @Nullable String truststore,
            @Nullable String truststorePassword,
            @Nullable String truststorePasswordFile,
            @Nullable String truststoreType,
            @Nullable String keystore,
            @Nullable String keystorePassword,
            @Nullable String keystorePasswordFile,
            @Nullable String keyPassword,
            @Nullable String keystoreType,
            @Bindable(defaultValue = "true") boolean verifyHostname) {

        public KafkaSecurity resolve() {
            return new KafkaSecurity(protocol, saslMechanism, username,
                    KafkaSecurity.secret(password, passwordFile, "news.kafka.security.password"),
                    KafkaSecurity.path(truststore),
                    KafkaSecurity.secret(truststorePassword, truststorePasswordFile,
                            "news.kafka.security.truststore-password"),
                    truststoreType, KafkaSecurity.path(keystore),
                    KafkaSecurity.secret(keystorePassword, keystorePasswordFile, "news.kafka.security.keystore-password"),
                    keyPassword, keystoreType, verifyHostname);
        }

        @Override
        public String toString() {
            try {
                return resolve().toString();
            } catch (RuntimeException e) {
                return "Security[protocol=" + protocol + ", username=" + username + ", invalid: " + e.getMessage() + "]";
            }
        }
    }

    /** The security settings with the passwords read (files are read each call). */
    public KafkaSecurity kafkaSecurity() {
        return security == null ? KafkaSecurity.PLAINTEXT : security.resolve();
    }

    /** What every client of the service is built with: the security properties, then {@code properties}. */
    public Map<String, String> clientOverrides() {
        Map<String, String> overrides = new LinkedHashMap<>(kafkaSecurity().clientProperties());
        if (properties != null) {
            overrides.putAll(properties);
        }
        return Map.copyOf(overrides);
    }

    @Override
    public String toString() {
        return "KafkaSettings[bootstrapServers=" + bootstrapServers + ", security=" + security
                + ", properties=" + (properties == null ? "{}" : properties.keySet()) + "]";
    }
}
