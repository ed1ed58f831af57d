package io.newsctl.embedded;

import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import io.newsctl.embedded.ServerEndpoints.Backend;
import io.newsctl.embedded.ServerEndpoints.Mode;

/**
 * Decides, per server, where it comes from: an address from the environment, else a container when
 * Docker is there, else an embedded child JVM. Pure, so the rules are tested without servers.
 */
record BackendChoice(Mode mode, Optional<String> externalKafka, Optional<String> externalElasticsearch) {

    public static final String KAFKA_ENV = "NEWS_KAFKA_BOOTSTRAP";
    public static final String ELASTICSEARCH_ENV = "NEWS_ES_URL";

    /** {@code dockerAvailable} is only asked when a server is not given by the environment. */
    static BackendChoice decide(Map<String, String> env, BooleanSupplier dockerAvailable) {
        Optional<String> kafka = nonBlank(env.get(KAFKA_ENV));
        Optional<String> elasticsearch = nonBlank(env.get(ELASTICSEARCH_ENV));
        Backend started = kafka.isPresent() && elasticsearch.isPresent() ? Backend.EXTERNAL
                : dockerAvailable.getAsBoolean() ? Backend.TESTCONTAINERS : Backend.EMBEDDED;
        return new BackendChoice(new Mode(kafka.isPresent() ? Backend.EXTERNAL : started,
                elasticsearch.isPresent() ? Backend.EXTERNAL : started), kafka, elasticsearch);
    }

    private static Optional<String> nonBlank(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
    }
}
