package io.newsctl.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Publish → searchable latency at a steady rate: articles are published to {@code articles.raw} on
 * a fixed schedule, and a search by id every {@code 50 ms} finds when each becomes visible in the
 * index (after extract, index and Elasticsearch's refresh). An article's latency runs from just
 * before its send to the answer of the first search that found it (an upper bound, ≤ 50 ms + one
 * search late).
 */
final class SearchableProbe {
    /** One article to publish: its id, the record key and value. */
    record Article(String id, String key, byte[] value) {
    }

    /** Latencies in ms, sorted; {@code missing} were not searchable within the grace period. */
    record Result(long[] millis, int sent, int missing) {
        double percentile(double p) {
            if (millis.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * millis.length) - 1;
            return millis[Math.max(0, Math.min(rank, millis.length - 1))];
        }

        double max() {
            return millis.length == 0 ? Double.NaN : millis[millis.length - 1];
        }
    }

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private final Producer<byte[], byte[]> producer;
    private final String topic;
    private final EsHttp elasticsearch;
    private final String alias;

    SearchableProbe(Producer<byte[], byte[]> producer, String topic, EsHttp elasticsearch, String alias) {
        this.producer = producer;
        this.topic = topic;
        this.elasticsearch = elasticsearch;
        this.alias = alias;
    }

    /**
     * Publishes {@code count} articles ({@code articles.apply(i)}) at {@code perSecond}, then waits
     * up to {@code graceSeconds} after the last for all to be searchable.
     */
    Result run(IntFunction<Article> articles, int count, int perSecond, double graceSeconds) throws Exception {
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> latencies = new ArrayList<>(count);
        AtomicInteger next = new AtomicInteger();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
        timer.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= count) {
                return;
            }
            Article article = articles.apply(i);
            sentAt.put(article.id(), System.nanoTime());
            producer.send(new ProducerRecord<>(topic, article.key().getBytes(StandardCharsets.UTF_8), article.value()));
        }, 0, period, TimeUnit.NANOSECONDS);
        long deadline = Long.MAX_VALUE;
        try {
            while (latencies.size() < count && System.nanoTime() < deadline) {
                long pollStarted = System.nanoTime();
                if (!sentAt.isEmpty()) {
                    List<String> pending = List.copyOf(sentAt.keySet());
                    for (String id : elasticsearch.searchable(alias, pending)) {
                        Long sent = sentAt.remove(id);
                        if (sent != null) {
                            latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
                        }
                    }
                }
                if (deadline == Long.MAX_VALUE && next.get() >= count) {
                    deadline = System.nanoTime() + (long) (graceSeconds * 1e9);
                }
                long wait = POLL_NANOS - (System.nanoTime() - pollStarted);
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // the polling interval, bounded by the deadline
                }
            }
        } finally {
            timer.shutdownNow();
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(sorted);
        return new Result(sorted, Math.min(next.get(), count), count - sorted.length);
    }
}
