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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies rejected records to {@code <topic>.dlq}: key, value and headers unchanged (so they can be
 * replayed), plus {@link DeadLetter} headers saying which stage gave up and why. Returns only when
 * the broker has acknowledged every copy: a record is never committed before its dead letter is
 * stored.
 *
 * <p>A copy that can never be stored because it is too large (an original close to the record size
 * limit, plus the dead-letter headers) is stored without its value and original headers instead,
 * with {@link DeadLetter#VALUE_DROPPED} giving the original size: the source topic, partition and
 * offset headers still locate the original. Retrying it would stall the stage forever.
 */
public final class DeadLetterPublisher {
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterPublisher.class);
    /** A key longer than this is dropped too when the value had to be. */
    private static final int MAX_KEPT_KEY_BYTES = 64 * 1024;

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
        List<ProducerRecord<byte[], byte[]>> stripped = new ArrayList<>();
        for (Publisher.Outcome outcome : Publisher.send(producer, letters, "dead-letter")) {
            if (!outcome.stored()) {
                Rejection rejection = rejections.get(outcome.index());
                ConsumerRecord<byte[], byte[]> original = rejection.record();
                LOG.warn("stage {}: dead letter of {}-{}@{} too large ({}); storing it without its value",
                        stage, original.topic(), original.partition(), original.offset(), outcome.error().getMessage());
                stripped.add(withoutPayload(rejection, letters.get(outcome.index())));
            }
        }
        Publisher.sendAndAwait(producer, stripped, "dead-letter without value");
    }

    /** The dead letter with only the newsctl.dlq.* headers, no value, and the key if it is small. */
    ProducerRecord<byte[], byte[]> withoutPayload(Rejection rejection, ProducerRecord<byte[], byte[]> letter) {
        ConsumerRecord<byte[], byte[]> original = rejection.record();
        RecordHeaders headers = new RecordHeaders();
        for (Header header : letter.headers()) {
            if (header.key().startsWith(DeadLetter.HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        int size = original.value() == null ? 0 : original.value().length;
        headers.add(DeadLetter.VALUE_DROPPED, utf8(Integer.toString(size)));
        byte[] key = original.key() != null && original.key().length <= MAX_KEPT_KEY_BYTES ? original.key() : null;
        return new ProducerRecord<>(letter.topic(), null, key, null, headers);
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
