package io.newsctl.ingest.crawl;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** Runs the same task on n platform threads and waits for all; interrupting the caller interrupts them. */
final class Workers {
    /** A task that may be interrupted. */
    @FunctionalInterface
    interface Task {
        void run() throws InterruptedException;
    }

    private Workers() {
    }

    static void run(int n, String namePrefix, Task task) throws InterruptedException {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            threads.add(Thread.ofPlatform().name(namePrefix + i).start(() -> {
                try {
                    task.run();
                } catch (InterruptedException e) {
                    failure.compareAndSet(null, e);
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                    throw e;
                }
            }));
        }
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            throw e;
        }
        Throwable t = failure.get();
        if (t instanceof InterruptedException ie) {
            throw ie;
        }
        if (t instanceof RuntimeException re) {
            throw re;
        }
        if (t instanceof Error err) {
            throw err;
        }
    }
}
