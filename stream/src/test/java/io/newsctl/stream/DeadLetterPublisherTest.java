package io.newsctl.stream;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsctl.model.DeadLetter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class DeadLetterPublisherTest {
    private static final int LIMIT = 1000;

    /** Refuses records whose value is over LIMIT bytes, as a producer with max.request.size does. */
    private final MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer()) {
        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record) {
            if (record.value() != null && record.value().length + 200 > LIMIT) {
                throw new RecordTooLargeException("larger than max.request.size");
            }
            return super.send(record);
        }
    };
    private final DeadLetterPublisher publisher = new DeadLetterPublisher("extract", producer,
            Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void aDeadLetterThatFitsKeepsTheOriginalBytes() throws Exception {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("articles.raw", 1, 7, "k".getBytes(UTF_8),
                "{bad".getBytes(UTF_8));
        publisher.publish(List.of(new Rejection(record, "bad-json", "not JSON")));

        ProducerRecord<byte[], byte[]> letter = producer.history().get(0);
        assertEquals("articles.raw.dlq", letter.topic());
        assertArrayEquals("{bad".getBytes(UTF_8), letter.value());
        assertNull(letter.headers().lastHeader(DeadLetter.VALUE_DROPPED));
    }

    @Test
    void aDeadLetterTooLargeToStoreIsStoredWithoutItsValueInsteadOfBeingRetriedForever() throws Exception {
        byte[] huge = new byte[LIMIT - 100]; // fits as the original; not with the dead-letter headers
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("articles.raw", 2, 42, "key".getBytes(UTF_8), huge);
        ConsumerRecord<byte[], byte[]> small = new ConsumerRecord<>("articles.raw", 2, 43, "k2".getBytes(UTF_8),
                "x".getBytes(UTF_8));

        publisher.publish(List.of(new Rejection(record, "bad-json", "not JSON"),
                new Rejection(small, "bad-json", "not JSON")));

        assertEquals(2, producer.history().size());
        ProducerRecord<byte[], byte[]> letter = producer.history().stream()
                .filter(r -> new String(r.key(), UTF_8).equals("key")).findFirst().orElseThrow();
        assertNull(letter.value());
        assertEquals(Integer.toString(huge.length),
                new String(letter.headers().lastHeader(DeadLetter.VALUE_DROPPED).value(), UTF_8));
        DeadLetter described = DeadLetterPublisher.describe(new ConsumerRecord<>(letter.topic(), 0, 0, letter.key(),
                letter.value()) {
            @Override
            public org.apache.kafka.common.header.Headers headers() {
                return letter.headers();
            }
        });
        assertEquals("extract", described.stage());
        assertEquals("bad-json", described.errorType());
        assertEquals(42, described.offset());
    }
}
