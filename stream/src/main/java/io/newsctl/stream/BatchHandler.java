package io.newsctl.stream;

import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The work of a stage on one batch of records.
 *
 * <p>Contract: when {@link #handle} returns, every record of the batch is either durably stored
 * downstream (produced and acknowledged, or written to Elasticsearch) or listed as a
 * {@link Rejection}; the runner then dead-letters the rejections and commits the batch. Handlers
 * must be idempotent: after a crash a batch is delivered again.
 *
 * <p>Throw {@link TransientException} when the batch could not be stored for a reason that is not
 * the records' fault (Elasticsearch unavailable, a produce timeout): the runner backs off and
 * delivers the same records again, for as long as it takes. Any other exception is treated as a
 * possible poison record: the runner retries the records one at a time and dead-letters those that
 * still fail.
 */
@FunctionalInterface
public interface BatchHandler {
    List<Rejection> handle(List<ConsumerRecord<byte[], byte[]>> batch) throws TransientException;
}
