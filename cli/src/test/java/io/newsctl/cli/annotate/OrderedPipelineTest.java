package io.newsctl.cli.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OrderedPipelineTest {
    @Test
    void resultsComeInInputOrderAndAtMostTheWindowIsInFlight() throws Exception {
        AtomicInteger started = new AtomicInteger();
        List<Integer> results = new ArrayList<>();
        int[] maxInFlight = {0};
        int window = 8;
        try (OrderedPipeline<Integer, Integer> pipeline = new OrderedPipeline<>(3, window, i -> {
            started.incrementAndGet();
            long spin = System.nanoTime() + (i % 5) * 200_000L; // uneven work, later items often finish first
            while (System.nanoTime() < spin) {
                Thread.onSpinWait();
            }
            return i;
        }, results::add)) {
            for (int i = 0; i < 500; i++) {
                pipeline.submit(i);
                maxInFlight[0] = Math.max(maxInFlight[0], i + 1 - results.size());
            }
            pipeline.finish();
        }
        assertEquals(500, results.size());
        for (int i = 0; i < 500; i++) {
            assertEquals(i, results.get(i));
        }
        assertTrue(maxInFlight[0] <= window, "in flight " + maxInFlight[0]);
        assertEquals(500, started.get());
    }
}
