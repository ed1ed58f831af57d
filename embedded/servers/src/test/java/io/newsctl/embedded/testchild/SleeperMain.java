package io.newsctl.embedded.testchild;

import java.util.Set;

/**
 * A child JVM for the launcher tests. Prints "sleeper ready" and sleeps. Arguments:
 * {@code fail} exits with 3 during "startup"; {@code ignore-term} blocks in its shutdown hook, like
 * a server that hangs on SIGTERM.
 */
public final class SleeperMain {

    public static void main(String[] args) throws InterruptedException {
        Set<String> options = Set.of(args);
        if (options.contains("fail")) {
            System.out.println("boom: bad config in startup");
            System.exit(3);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("sleeper got SIGTERM");
            System.out.flush();
            if (options.contains("ignore-term")) {
                sleepForever();
            }
        }));
        System.out.println("sleeper ready");
        System.out.flush();
        sleepForever();
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
