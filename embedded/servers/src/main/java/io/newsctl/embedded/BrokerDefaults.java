package io.newsctl.embedded;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Broker settings newsctl expects from every dev/test Kafka, embedded or in a container, so tests
 * behave the same in all modes. Production brokers are configured by deployment, not here.
 */
public final class BrokerDefaults {

    /** Room for a large article page with its extraction; clients must raise max.request.size to match. */
    public static final int MESSAGE_MAX_BYTES = 4 * 1024 * 1024;

    private BrokerDefaults() {
    }

    public static Map<String, String> properties() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("auto.create.topics.enable", "true"); // dev convenience; services still create their topics
        p.put("num.partitions", "3"); // more than one, so tests see real partition assignment
        p.put("message.max.bytes", Integer.toString(MESSAGE_MAX_BYTES));
        p.put("replica.fetch.max.bytes", Integer.toString(MESSAGE_MAX_BYTES));
        p.put("group.initial.rebalance.delay.ms", "0"); // consumers in tests start at once
        return p;
    }

    /** The same settings as environment variables for the apache/kafka image (dots become underscores). */
    static Map<String, String> asImageEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        properties().forEach((key, value) ->
                env.put("KAFKA_" + key.replace('.', '_').toUpperCase(Locale.ROOT), value));
        return env;
    }
}
