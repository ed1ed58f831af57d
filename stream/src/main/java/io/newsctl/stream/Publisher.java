package io.newsctl.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Sends records and waits for the broker's acknowledgement of every one, so a stage can commit its
 * input only after its output is stored.
 */
public final class Publisher {
    private Publisher() {
    }

    /** What happened to one record of a {@link #send} call. */
    public record Outcome(int index, Exception error) {
        public boolean stored() {
            return error == null;
        }
    }

    /**
     * Sends all records, then waits for each acknowledgement. Records the broker can never accept
     * (too large for the topic, …) come back as failed outcomes; anything that may pass on retry
     * (timeouts, leader changes, a broker down) throws {@link TransientException}.
     */
    public static List<Outcome> send(Producer<byte[], byte[]> producer, List<ProducerRecord<byte[], byte[]>> records,
                                     String what) throws TransientException {
        List<Future<RecordMetadata>> pending = new ArrayList<>(records.size());
        List<Outcome> outcomes = new ArrayList<>(records.size());
        for (ProducerRecord<byte[], byte[]> record : records) {
            try {
                pending.add(producer.send(record));
            } catch (RecordTooLargeException e) {
                // send() can refuse synchronously when the record exceeds max.request.size
                pending.add(null);
                outcomes.add(new Outcome(outcomes.size(), e));
                continue;
            }
            outcomes.add(null);
        }
        for (int i = 0; i < pending.size(); i++) {
            Future<RecordMetadata> future = pending.get(i);
            if (future == null) {
                continue;
            }
            try {
                future.get();
                outcomes.set(i, new Outcome(i, null));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransientException("interrupted while waiting for " + what + " acknowledgements", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RecordTooLargeException tooLarge) {
                    outcomes.set(i, new Outcome(i, tooLarge));
                } else if (cause instanceof RetriableException
                        || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
                    throw new TransientException(what + " not acknowledged: " + cause, cause);
                } else {
                    throw new TransientException(what + " failed: " + cause, cause);
                }
            }
        }
        return outcomes;
    }

    /** Like {@link #send} but every record must be stored; any failure is transient. */
    public static void sendAndAwait(Producer<byte[], byte[]> producer, List<ProducerRecord<byte[], byte[]>> records,
                                    String what) throws TransientException {
        for (Outcome outcome : send(producer, records, what)) {
            if (!outcome.stored()) {
                throw new TransientException(what + " refused by the broker: " + outcome.error(), outcome.error());
            }
        }
    }
}
