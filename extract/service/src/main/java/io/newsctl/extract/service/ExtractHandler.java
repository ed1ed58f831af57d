package io.newsctl.extract.service;

import io.newsctl.extract.Extractor;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import io.newsctl.model.SchemaException;
import io.newsctl.model.Topics;
import io.newsctl.stream.BatchHandler;
import io.newsctl.stream.KafkaClientConfig;
import io.newsctl.stream.Publisher;
import io.newsctl.stream.Rejection;
import io.newsctl.stream.TransientException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Analyses a batch of raw articles in parallel and publishes the enriched articles, returning
 * only after Kafka acknowledged all of them. Undecodable records are rejected; an article whose
 * analysis throws is isolated by the runner and dead-lettered alone. So is an article whose body
 * alone makes its enriched form too large to publish (the enriched article carries the body twice:
 * as written and segmented): it is rejected before the analysis, which would take seconds to
 * minutes for a multi-megabyte body and end in the same rejection.
 */
public final class ExtractHandler implements BatchHandler {
    private final Extractor extractor;
    private final Producer<byte[], byte[]> producer;
    private final ExecutorService pool;

    public ExtractHandler(Extractor extractor, Producer<byte[], byte[]> producer, ExecutorService pool) {
        this.extractor = extractor;
        this.producer = producer;
        this.pool = pool;
    }

    /** The result of analysing one record: an output record or a rejection. */
    private record Analysed(ConsumerRecord<byte[], byte[]> input, ProducerRecord<byte[], byte[]> output,
                            Rejection rejection) {
    }

    @Override
    public List<Rejection> handle(List<ConsumerRecord<byte[], byte[]>> batch) throws TransientException {
        List<Analysed> analysed = analyseAll(batch);
        List<Rejection> rejections = new ArrayList<>();
        List<ProducerRecord<byte[], byte[]>> outputs = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> inputs = new ArrayList<>();
        for (Analysed a : analysed) {
            if (a.rejection() != null) {
                rejections.add(a.rejection());
            } else {
                outputs.add(a.output());
                inputs.add(a.input());
            }
        }
        List<Publisher.Outcome> outcomes = Publisher.send(producer, outputs, "enriched article");
        for (Publisher.Outcome outcome : outcomes) {
            if (!outcome.stored()) {
                rejections.add(new Rejection(inputs.get(outcome.index()), "output-too-large",
                        "enriched article cannot be published: " + outcome.error().getMessage()));
            }
        }
        return rejections;
    }

    private List<Analysed> analyseAll(List<ConsumerRecord<byte[], byte[]>> batch) {
        if (batch.size() == 1) {
            return List.of(analyse(batch.get(0)));
        }
        List<Callable<Analysed>> tasks = batch.stream().<Callable<Analysed>>map(r -> () -> analyse(r)).toList();
        List<Analysed> results = new ArrayList<>(batch.size());
        try {
            for (Future<Analysed> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while analysing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime; // the runner retries record by record and dead-letters the culprit
            }
            throw new IllegalStateException(e.getCause());
        }
        return results;
    }

    private Analysed analyse(ConsumerRecord<byte[], byte[]> record) {
        RawArticle raw;
        try {
            raw = ModelJson.decodeRaw(record.value());
        } catch (SchemaException e) {
            return new Analysed(record, null, new Rejection(record, e.errorType(), e.getMessage()));
        }
        long bodyBytes = utf8Length(raw.body());
        if (2 * bodyBytes > KafkaClientConfig.MAX_RECORD_BYTES) {
            return new Analysed(record, null, new Rejection(record, "input-too-large", "body of " + bodyBytes
                    + " bytes: its enriched article (body and segmented body) cannot fit the "
                    + KafkaClientConfig.MAX_RECORD_BYTES + "-byte record limit"));
        }
        EnrichedArticle enriched = extractor.enrich(raw);
        byte[] key = record.key() != null ? record.key() : raw.url().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ProducerRecord<byte[], byte[]> output = new ProducerRecord<>(Topics.ENRICHED, key, ModelJson.encode(enriched));
        return new Analysed(record, output, null);
    }

    /** UTF-8 size of a string without encoding it. */
    static long utf8Length(String s) {
        long bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
