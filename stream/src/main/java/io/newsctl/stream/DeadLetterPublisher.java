package io.newsctl.stream;

import io.newsctl.model.DeadLetter;
import io.newsctl.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Copies rejected records to {@code <topic>.dlq}: key, value and headers unchanged (so they can be
 * replayed), plus {@link DeadLetter} headers saying which stage gave up and why. Returns only when
 * the broker has acknowledged every copy: a record is never committed before its dead letter is
 * stored.
 */
public final class DeadLetterPublisher {
    private final String stage;
    private final Producer<byte[], byte[]> producer;
    private final Clock clock;

    public DeadLetterPublisher(String stage, Producer<byte[], byte[]> producer, Clock clock) {
        this.stage = stage;
        this.producer = producer;
        this.clock = clock;
    }

    public void publish(List<Rejection> rejections) throws TransientException {
        if (rejections.isEmpty()) {
            return;
        }
        List<ProducerRecord<byte[], byte[]>> letters = new ArrayList<>(rejections.size());
        for (Rejection rejection : rejections) {
            letters.add(toDeadLetter(rejection));
        }
        Publisher.sendAndAwait(producer, letters, "dead-letter");
    }

    ProducerRecord<byte[], byte[]> toDeadLetter(Rejection rejection) {
        ConsumerRecord<byte[], byte[]> original = rejection.record();
        RecordHeaders headers = new RecordHeaders();
        for (Header header : original.headers()) {
            if (!header.key().startsWith(DeadLetter.HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        headers.add(DeadLetter.STAGE, utf8(stage));
        headers.add(DeadLetter.ERROR_TYPE, utf8(rejection.errorType()));
        headers.add(DeadLetter.REASON, utf8(rejection.reason()));
        headers.add(DeadLetter.TOPIC, utf8(original.topic()));
        headers.add(DeadLetter.PARTITION, utf8(Integer.toString(original.partition())));
        headers.add(DeadLetter.OFFSET, utf8(Long.toString(original.offset())));
        headers.add(DeadLetter.FAILED_AT, utf8(clock.instant().toString()));
        return new ProducerRecord<>(Topics.deadLetter(original.topic()), null, original.key(), original.value(),
                headers);
    }

    /** Reads the dead-letter headers of a record back, for tools and tests. */
    public static DeadLetter describe(ConsumerRecord<?, ?> deadLetter) {
        return new DeadLetter(
                header(deadLetter, DeadLetter.STAGE),
                header(deadLetter, DeadLetter.ERROR_TYPE),
                header(deadLetter, DeadLetter.REASON),
                header(deadLetter, DeadLetter.TOPIC),
                Integer.parseInt(header(deadLetter, DeadLetter.PARTITION)),
                Long.parseLong(header(deadLetter, DeadLetter.OFFSET)),
                java.time.Instant.parse(header(deadLetter, DeadLetter.FAILED_AT)));
    }

    private static String header(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers().lastHeader(key);
        if (header == null) {
            throw new IllegalArgumentException("not a dead letter: no header " + key);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
