package io.newsctl.cli;

import io.newsctl.ingest.service.KafkaCrawlStateStore;
import io.newsctl.stream.KafkaClientConfig;
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

    Producer<byte[], byte[]> producer(String client) {
        return new KafkaProducer<>(KafkaClientConfig.producer(client, bootstrap, Map.of()));
    }

    void ensureTopics() {
        if (!createTopics) {
            return;
        }
        List<TopicAdmin.TopicSpec> topics = new ArrayList<>(TopicAdmin.pipelineTopics(partitions));
        topics.add(KafkaCrawlStateStore.topicSpec(partitions));
        TopicAdmin.ensure(bootstrap, Map.of(), topics, Duration.ofSeconds(30));
    }

    KafkaCrawlStateStore stateStore(Producer<byte[], byte[]> producer) {
        return new KafkaCrawlStateStore(bootstrap, Map.of(), producer);
    }
}
