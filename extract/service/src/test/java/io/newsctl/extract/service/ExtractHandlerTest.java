package io.newsctl.extract.service;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.extract.Extractor;
import io.newsctl.model.ArticleIds;
import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import io.newsctl.model.Topics;
import io.newsctl.stream.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExtractHandlerTest {
    private static final Extractor EXTRACTOR = Extractor.createDefault();
    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private final ExtractHandler handler = new ExtractHandler(EXTRACTOR, producer, pool);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void aBodyWhoseEnrichedArticleCannotFitARecordIsRejectedAtOnceNotAnalysedForMinutes() throws Exception {
        String sentence = "寒武纪发布新一代AI芯片思元590，营收4.32亿元。";
        String huge = sentence.repeat(3_000_000 / (sentence.length() * 3) + 1); // ~3 MB of UTF-8
        List<ConsumerRecord<byte[], byte[]>> batch = List.of(record(raw("huge", huge)),
                record(raw("normal", sentence.repeat(20))));

        List<Rejection> rejections = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> handler.handle(batch));

        assertEquals(1, rejections.size());
        assertEquals("input-too-large", rejections.get(0).errorType());
        assertTrue(rejections.get(0).reason().contains("bytes"), rejections.get(0).reason());
        assertEquals(1, producer.history().size(), "the normal article is published");
        assertEquals(Topics.ENRICHED, producer.history().get(0).topic());
    }

    @Test
    void utf8LengthCountsBytesAsTheEncoderDoes() {
        for (String s : List.of("", "abc", "é", "寒武纪", "😀x", "a寒😀é")) {
            assertEquals(s.getBytes(UTF_8).length, ExtractHandler.utf8Length(s), s);
        }
    }

    private static RawArticle raw(String name, String body) {
        String url = "https://news.example/" + name;
        return new RawArticle(ModelJson.SCHEMA_VERSION, ArticleIds.of(url), url, url, "news.example", "test",
                Instant.now(), "generic", name, null, null, null, null, body, "zh-Hans", ArticleIds.contentHash(body),
                null);
    }

    private static ConsumerRecord<byte[], byte[]> record(RawArticle article) {
        return new ConsumerRecord<>(Topics.RAW, 0, 0, article.url().getBytes(UTF_8), ModelJson.encode(article));
    }
}
