package io.newsctl.ingest.service;

import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import io.newsctl.model.Topics;
import io.newsctl.stream.Publisher;
import io.newsctl.stream.TransientException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Publishes raw articles to {@code articles.raw}, keyed by canonical URL, and waits for the acks. */
@Singleton
public class ArticlePublisher {
    private final Producer<byte[], byte[]> producer;

    public ArticlePublisher(Producer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    public void publish(List<RawArticle> articles) throws TransientException {
        List<ProducerRecord<byte[], byte[]>> records = articles.stream()
                .map(a -> new ProducerRecord<>(Topics.RAW, a.url().getBytes(StandardCharsets.UTF_8), ModelJson.encode(a)))
                .toList();
        Publisher.sendAndAwait(producer, records, "raw article");
    }
}
