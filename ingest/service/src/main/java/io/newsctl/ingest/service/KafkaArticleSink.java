package io.newsctl.ingest.service;

import io.newsctl.ingest.crawl.ArticleSink;
import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import io.newsctl.model.Topics;
import io.newsctl.stream.Publisher;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Crawled articles to {@code articles.raw}, keyed by canonical URL, each acknowledged before the
 * crawler records the page as done. A plain class, so {@code newsctl crawl} uses it in-process too.
 */
public final class KafkaArticleSink implements ArticleSink {
    private final Producer<byte[], byte[]> producer;

    public KafkaArticleSink(Producer<byte[], byte[]> producer) {
        this.producer = producer;
    }

    @Override
    public void accept(RawArticle article) throws Exception {
        Publisher.sendAndAwait(producer, List.of(new ProducerRecord<>(Topics.RAW,
                article.url().getBytes(StandardCharsets.UTF_8), ModelJson.encode(article))), "raw article");
    }
}
