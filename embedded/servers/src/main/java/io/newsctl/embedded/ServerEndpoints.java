package io.newsctl.embedded;

import java.net.URI;
import java.util.Objects;

/**
 * Where a test run or the demo finds its servers.
 *
 * @param kafkaBootstrap   value for {@code bootstrap.servers}, e.g. {@code 127.0.0.1:40123}
 * @param elasticsearchUrl base URL of Elasticsearch, e.g. {@code http://127.0.0.1:40124}
 * @param mode             where each of them came from
 */
public record ServerEndpoints(String kafkaBootstrap, URI elasticsearchUrl, Mode mode) {

    public ServerEndpoints {
        Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
        Objects.requireNonNull(elasticsearchUrl, "elasticsearchUrl");
        Objects.requireNonNull(mode, "mode");
    }

    /** How one server was provided. */
    public enum Backend {
        /** Given by the environment (NEWS_KAFKA_BOOTSTRAP / NEWS_ES_URL); not started or stopped by us. */
        EXTERNAL,
        /** A Testcontainers container (a Docker engine was available). */
        TESTCONTAINERS,
        /** A child JVM from the embedded-kafka / embedded-elasticsearch modules. */
        EMBEDDED
    }

    /** The backend of each server; they are chosen independently. */
    public record Mode(Backend kafka, Backend elasticsearch) {

        public Mode {
            Objects.requireNonNull(kafka, "kafka");
            Objects.requireNonNull(elasticsearch, "elasticsearch");
        }

        public static Mode both(Backend backend) {
            return new Mode(backend, backend);
        }

        @Override
        public String toString() {
            return kafka == elasticsearch ? kafka.name()
                    : "kafka=" + kafka + ", elasticsearch=" + elasticsearch;
        }
    }
}
