package io.newsctl.embedded;

import java.net.URI;
import java.time.Duration;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The servers as Testcontainers containers, for machines with a Docker engine. Image versions
 * match the embedded servers: Kafka 4.1.x, Elasticsearch 9.5.3 without security. Both are the
 * official images of the default registry (the Elasticsearch one mirrors Elastic's own).
 */
final class ContainerServers {

    static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.1");
    static final DockerImageName ELASTICSEARCH_IMAGE =
            DockerImageName.parse("elasticsearch:9.5.3");

    private ContainerServers() {
    }

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false; // a broken Docker setup means: use the embedded servers
        }
    }

    static KafkaContainer startKafka() {
        KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
        BrokerDefaults.asImageEnvironment().forEach(kafka::withEnv);
        kafka.start();
        return kafka;
    }

    static GenericContainer<?> startElasticsearch() {
        GenericContainer<?> es = new GenericContainer<>(ELASTICSEARCH_IMAGE)
                .withEnv("discovery.type", "single-node")
                .withEnv("xpack.security.enabled", "false")
                .withEnv("cluster.routing.allocation.disk.threshold_enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m")
                .withExposedPorts(9200)
                .waitingFor(Wait.forHttp("/_cluster/health?wait_for_status=yellow&timeout=2s")
                        .forPort(9200).forStatusCode(200).withStartupTimeout(Duration.ofMinutes(3)));
        es.start();
        return es;
    }

    static URI elasticsearchUrl(GenericContainer<?> es) {
        return URI.create("http://" + es.getHost() + ":" + es.getMappedPort(9200));
    }
}
