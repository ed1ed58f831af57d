package io.newsctl.cli.annotate;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Runs a function over a stream of items on several threads and hands the results back in input
 * order, holding at most {@code window} items in flight: memory stays constant whatever the input
 * size, and a slow item delays output without stalling the other threads beyond the window.
 */
final class OrderedPipeline<I, O> implements AutoCloseable {
    /** Receives results in input order, on the caller's thread. */
    interface Sink<O> {
        void accept(O result) throws Exception;
    }

    private final ExecutorService workers;
    private final BlockingQueue<CompletableFuture<O>> inFlight;
    private final Function<I, O> function;
    private final Sink<O> sink;

    OrderedPipeline(int threads, int window, Function<I, O> function, Sink<O> sink) {
        this.workers = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("annotate-", 0).daemon().factory());
        this.inFlight = new ArrayBlockingQueue<>(window);
        this.function = function;
        this.sink = sink;
    }

    /** Queues an item; when the window is full, first drains the oldest result to the sink. */
    void submit(I item) throws Exception {
        while (inFlight.remainingCapacity() == 0) {
            sink.accept(inFlight.take().join());
        }
        inFlight.add(CompletableFuture.supplyAsync(() -> function.apply(item), workers));
    }

    /** Drains every remaining result to the sink, in order. */
    void finish() throws Exception {
        CompletableFuture<O> next;
        while ((next = inFlight.poll()) != null) {
            sink.accept(next.join());
        }
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
