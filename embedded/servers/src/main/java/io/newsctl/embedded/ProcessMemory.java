package io.newsctl.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Resident set size of a process, from Linux's /proc; empty elsewhere or once it is gone. */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    public static OptionalLong rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process has exited
        }
        return OptionalLong.empty();
    }
}
