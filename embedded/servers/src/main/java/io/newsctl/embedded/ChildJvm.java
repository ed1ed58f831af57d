package io.newsctl.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A JVM started as a child process with the classpath of one module ({@link ChildClasspath}), its
 * output going to a log file.
 *
 * <p>The child never outlives this JVM. It is started through {@code /bin/sh}, which keeps this
 * JVM's stdin pipe open in a small watcher and then {@code exec}s java (so {@link #pid()} is java's
 * pid). When the pipe reaches EOF — this JVM exited or was killed, even by SIGKILL, or
 * {@link #stop} was called (Process.destroy closes the pipe too) — the watcher sends SIGTERM to
 * java, and SIGKILL if it still runs {@value #ORPHAN_KILL_AFTER_SECONDS} s later. A shutdown hook
 * additionally stops the child synchronously on a normal exit, so it finishes before this JVM is
 * gone. Needs a POSIX shell: Linux and macOS.
 */
public final class ChildJvm implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChildJvm.class);

    /** Seconds an orphaned child gets between SIGTERM and SIGKILL. */
    static final int ORPHAN_KILL_AFTER_SECONDS = 30;

    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(20);

    /*
     * $1 = seconds before SIGKILL, then the java command line. fd 3 keeps the parent's pipe for the
     * watcher (an asynchronous list gets /dev/null as stdin), java gets neither. $$ inside the
     * subshell is the outer shell's pid, which exec hands over to java. While waiting for java to
     * end, the watcher checks every second: it outlives java by at most a second, which keeps the
     * chance of signalling a recycled pid negligible.
     */
    private static final String WRAPPER = """
            trap '' INT
            grace=$1; shift
            exec 3<&0
            (
              while read -r line <&3; do :; done
              kill -TERM $$ 2>/dev/null || exit 0
              waited=0
              while [ "$waited" -lt "$grace" ]; do
                sleep 1
                kill -0 $$ 2>/dev/null || exit 0
                waited=$((waited + 1))
              done
              kill -KILL $$ 2>/dev/null
            ) </dev/null >/dev/null 2>&1 &
            exec "$@" 3<&- </dev/null
            """;

    /** Running children, oldest first; the shutdown hook stops them newest first. */
    private static final Deque<ChildJvm> RUNNING = new ArrayDeque<>();
    private static Thread shutdownHook;

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildJvm(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
        try {
            register(this);
        } catch (IllegalStateException shuttingDown) {
            process.destroyForcibly();
            throw shuttingDown;
        }
        // Closing our end of the pipe lets the watcher exit once java is gone.
        process.onExit().thenRun(this::closeStdin);
    }

    private static void register(ChildJvm child) {
        synchronized (RUNNING) {
            if (shutdownHook == null) {
                shutdownHook = new Thread(ChildJvm::stopAllNewestFirst, "stop-child-jvms");
                Runtime.getRuntime().addShutdownHook(shutdownHook);
            }
            RUNNING.addLast(child);
        }
    }

    private static void unregister(ChildJvm child) {
        synchronized (RUNNING) {
            RUNNING.remove(child);
        }
    }

    private static void stopAllNewestFirst() {
        while (true) {
            ChildJvm newest;
            synchronized (RUNNING) {
                newest = RUNNING.peekLast();
            }
            if (newest == null) {
                return;
            }
            newest.stop(DEFAULT_STOP_GRACE);
        }
    }

    /** Starts the child; finds the classpath on the context class loader (or this class's). */
    public static ChildJvm start(ChildJvmSpec spec) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return start(spec, loader != null ? loader : ChildJvm.class.getClassLoader());
    }

    public static ChildJvm start(ChildJvmSpec spec, ClassLoader loader) {
        ChildClasspath classpath = ChildClasspath.locate(spec.artifactId(), loader);
        List<String> command = new ArrayList<>(List.of("/bin/sh", "-c", WRAPPER, "newsctl-child",
                Integer.toString(ORPHAN_KILL_AFTER_SECONDS), javaBinary().toString()));
        command.addAll(spec.jvmOptions());
        command.addAll(List.of("-cp", classpath.asArgument(), spec.mainClass()));
        command.addAll(spec.args());
        try {
            Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
            Files.createDirectories(spec.workDir());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(spec.workDir().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(spec.logFile().toFile()));
            builder.environment().putAll(spec.env());
            Process process = builder.start();
            LOG.info("started {} ({}) pid {}, log {}", spec.artifactId(), spec.mainClass(), process.pid(),
                    spec.logFile());
            return new ChildJvm(spec.artifactId(), process, spec.logFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start child JVM for " + spec.artifactId(), e);
        }
    }

    /** The same java that runs this JVM: the child gets the JDK the build or test picked. */
    static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Exit code, or empty while running. */
    public OptionalLong exitCode() {
        return process.isAlive() ? OptionalLong.empty() : OptionalLong.of(process.exitValue());
    }

    /** Resident memory of the child from /proc (Linux only), in KiB. */
    public OptionalLong rssKib() {
        return ProcessMemory.rssKib(pid());
    }

    /** The last lines of the child's log, for error messages. */
    public String logTail(int maxLines) {
        return LogTail.read(logFile, maxLines);
    }

    /**
     * Polls {@code probe} until it answers true. Fails early, with the log tail, when the child
     * exits, and after {@code timeout} otherwise.
     */
    public void awaitReady(String what, Duration timeout, Probe probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception lastFailure = null;
        while (true) {
            if (!process.isAlive()) {
                throw new ChildJvmException(name + " exited with code " + process.exitValue() + " before "
                        + what + ". Last lines of " + logFile + ":\n" + logTail(40), lastFailure);
            }
            try {
                if (probe.ready()) {
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ChildJvmException("interrupted while waiting for " + what, e);
            } catch (Exception e) {
                lastFailure = e; // not ready yet; keep the last reason for the timeout message
            }
            if (System.nanoTime() > deadline) {
                throw new ChildJvmException(name + " (pid " + pid() + ") did not reach " + what + " within "
                        + timeout.toSeconds() + " s" + (lastFailure == null ? "" : " (last probe: " + lastFailure + ")")
                        + ". Last lines of " + logFile + ":\n" + logTail(40), lastFailure);
            }
            sleep(Duration.ofMillis(100));
        }
    }

    /**
     * SIGTERM, then up to {@code grace} for the child to finish its shutdown hooks, then SIGKILL.
     * Returns once the process is gone. Safe to call more than once, from any thread.
     */
    public synchronized void stop(Duration grace) {
        if (process.isAlive()) {
            long started = System.nanoTime();
            process.destroy();
            if (!waitFor(grace)) {
                LOG.warn("{} (pid {}) ignored SIGTERM for {} s; killing it", name, pid(), grace.toSeconds());
                process.destroyForcibly();
                waitFor(Duration.ofSeconds(10));
            }
            LOG.info("stopped {} (pid {}) in {} ms", name, pid(), (System.nanoTime() - started) / 1_000_000);
        }
        closeStdin();
        unregister(this);
    }

    @Override
    public void close() {
        stop(DEFAULT_STOP_GRACE);
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private void closeStdin() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the pipe is already broken: the watcher has seen EOF
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChildJvmException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return "ChildJvm[" + name + ", pid " + pid() + ", log " + logFile + "]";
    }

    /** One readiness check; throwing counts as "not yet". */
    @FunctionalInterface
    public interface Probe {
        boolean ready() throws Exception;
    }
}
