package io.newsctl.cli;

import io.newsctl.ingest.service.KafkaCrawlStateStore;
import io.newsctl.stream.KafkaClientConfig;
import io.newsctl.stream.KafkaConnectionCheck;
import io.newsctl.stream.KafkaSecurity;
import io.newsctl.stream.TopicAdmin;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import picocli.CommandLine.Option;

/** The Kafka options of the commands that publish (crawl, import). */
final class KafkaOptions {
    @Option(names = "--kafka", paramLabel = "HOST:PORT",
            defaultValue = "${env:NEWS_KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}",
            description = "Kafka bootstrap servers (default: $NEWS_KAFKA_BOOTSTRAP_SERVERS or ${DEFAULT-VALUE}).")
    String bootstrap;

    @Option(names = "--no-create-topics", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Create missing topics (articles.raw, crawl.state …); --no-create-topics where they are managed.")
    boolean createTopics;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions of topics created (default ${DEFAULT-VALUE}).")
    int partitions;

    private Map<String, String> clientProperties;

    /**
     * TLS and SASL/SCRAM from the same environment variables as the services
     * ({@code NEWS_KAFKA_SECURITY_*}, see {@link KafkaSecurity#fromEnvironment}); checked by
     * connecting once, so wrong credentials stop the command at once with a clear message.
     */
    Map<String, String> clientProperties() {
        if (clientProperties == null) {
            Map<String, String> props = KafkaSecurity.fromEnvironment(System.getenv()).clientProperties();
            KafkaConnectionCheck.verify(bootstrap, props, Duration.ofSeconds(30));
            clientProperties = props;
        }
        return clientProperties;
    }

    Producer<byte[], byte[]> producer(String client) {
        return new KafkaProducer<>(KafkaClientConfig.producer(client, bootstrap, clientProperties()));
    }

    void ensureTopics() {
        if (!createTopics) {
            return;
        }
        List<TopicAdmin.TopicSpec> topics = new ArrayList<>(TopicAdmin.pipelineTopics(partitions));
        topics.add(KafkaCrawlStateStore.topicSpec(partitions));
        TopicAdmin.ensure(bootstrap, clientProperties(), topics, Duration.ofSeconds(30));
    }

    KafkaCrawlStateStore stateStore(Producer<byte[], byte[]> producer) {
        return new KafkaCrawlStateStore(bootstrap, clientProperties(), producer);
    }
}
