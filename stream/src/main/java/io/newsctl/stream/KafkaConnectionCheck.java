package io.newsctl.stream;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * Connects once before anything else does, so a wrong password, an untrusted certificate or an
 * unreachable cluster stops a service at start-up with a message that says which, instead of
 * clients retrying in the background forever. Authentication failures are not retried by Kafka's
 * admin client, so they are reported at once; an unreachable cluster within {@code timeout}.
 */
public final class KafkaConnectionCheck {
    private static final Pattern USERNAME = Pattern.compile("username=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private KafkaConnectionCheck() {
    }

    /** Thrown when the cluster cannot be reached or refuses this client; the message says why. */
    public static final class KafkaConnectionException extends IllegalStateException {
        public KafkaConnectionException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Describes the cluster within {@code timeout}; returns the number of brokers. */
    public static int verify(String bootstrapServers, Map<String, String> clientOverrides, Duration timeout) {
        String principal = principal(clientOverrides);
        Map<String, Object> props = KafkaClientConfig.admin(bootstrapServers, clientOverrides);
        int millis = (int) Math.max(1000, timeout.toMillis());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, millis);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(millis, 10_000));
        try (Admin admin = Admin.create(props)) {
            return admin.describeCluster(new DescribeClusterOptions().timeoutMs(millis)).nodes()
                    .get(millis + 1000L, TimeUnit.MILLISECONDS).size();
        } catch (ExecutionException e) {
            throw explain(e.getCause(), bootstrapServers, principal, timeout);
        } catch (TimeoutException e) {
            throw explain(e, bootstrapServers, principal, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaConnectionException("interrupted while connecting to Kafka at " + bootstrapServers, e);
        }
    }

    /** Who the client properties connect as, for messages: the SASL user or the TLS keystore. */
    static String principal(Map<String, ?> clientProperties) {
        Object jaas = clientProperties.get("sasl.jaas.config");
        if (jaas != null) {
            Matcher user = USERNAME.matcher(jaas.toString());
            return user.find() ? "user " + user.group(1) : "the configured SASL user";
        }
        Object keystore = clientProperties.get("ssl.keystore.location");
        return keystore != null ? "the client certificate in " + keystore : "an anonymous client";
    }

    /** An authentication failure explained, anything else as it is. */
    static RuntimeException explainIfRefused(Throwable cause, String bootstrapServers, Map<String, ?> clientProperties,
                                             Duration timeout) {
        if (cause instanceof AuthenticationException) {
            return explain(cause, bootstrapServers, principal(clientProperties), timeout);
        }
        return null;
    }

    static KafkaConnectionException explain(Throwable cause, String bootstrapServers, String principal,
                                            Duration timeout) {
        if (cause instanceof SaslAuthenticationException) {
            return new KafkaConnectionException("Kafka authentication failed for " + principal + " at "
                    + bootstrapServers + " (check news.kafka.security.username and its password): "
                    + cause.getMessage(), cause);
        }
        if (cause instanceof SslAuthenticationException) {
            return new KafkaConnectionException("TLS handshake with Kafka at " + bootstrapServers + " failed for "
                    + principal + " (check news.kafka.security.truststore, the broker's certificate and, for"
                    + " mutual TLS, the keystore): " + rootMessage(cause), cause);
        }
        if (cause instanceof org.apache.kafka.common.errors.TimeoutException || cause instanceof TimeoutException) {
            return new KafkaConnectionException("Kafka at " + bootstrapServers + " did not answer within "
                    + timeout.toSeconds() + " s (is it running, and does news.kafka.security.protocol match its"
                    + " listener?)", cause);
        }
        return new KafkaConnectionException("cannot connect to Kafka at " + bootstrapServers + " as " + principal
                + ": " + cause, cause);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
