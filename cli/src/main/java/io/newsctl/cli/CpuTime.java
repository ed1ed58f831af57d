package io.newsctl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time from Linux's /proc (in clock ticks of 10 ms, the kernel's USER_HZ on every mainstream
 * architecture): of one process, and of the whole machine, to tell the pipeline's own cost from
 * what other processes took meanwhile. Empty or zero elsewhere.
 */
final class CpuTime {
    static final long MILLIS_PER_TICK = 10;

    /** Busy and total ticks summed over all cores since boot. */
    record Machine(long busy, long total) {
    }

    private CpuTime() {
    }

    /** User + system CPU of the process so far, in ms; empty once it has gone or off Linux. */
    static OptionalLong processMillis(long pid) {
        try {
            return OptionalLong.of(statMillis(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * User + system CPU so far of the JVM's JIT compiler threads ({@code C1 CompilerThread0},
     * {@code C2 CompilerThread0} …), in ms; empty once the process has gone or off Linux. Large during
     * a measurement means the JVM was still warming up, not running at its steady state.
     */
    static OptionalLong jitCompilerMillis(long pid) {
        long millis = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    if (Files.readString(task.resolve("comm")).contains("CompilerThre")) { // 15 characters kept
                        millis += statMillis(task.resolve("stat"));
                    }
                } catch (IOException e) {
                    // the thread ended between the listing and the read: its time is gone with it
                }
            }
            return OptionalLong.of(millis);
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static long statMillis(Path stat) throws IOException {
        String line = Files.readString(stat);
        // fields after the command name in parentheses: state is field 3, utime 14, stime 15
        String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
    }

    static Machine machine() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) { // user … steal; guest is already in user
                total += Long.parseLong(fields[i]);
            }
            long idle = Long.parseLong(fields[4]) + Long.parseLong(fields[5]);
            return new Machine(total - idle, total);
        } catch (IOException | RuntimeException e) {
            return new Machine(0, 0);
        }
    }
}
