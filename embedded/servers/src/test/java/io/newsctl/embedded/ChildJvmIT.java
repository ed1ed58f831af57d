package io.newsctl.embedded;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.newsctl.embedded.testchild.ChildJvmFixtures;
import io.newsctl.embedded.testchild.LauncherMain;
import io.newsctl.embedded.testchild.SleeperMain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Real child processes (small JVMs running {@link SleeperMain}), no servers. */
class ChildJvmIT {

    @TempDir
    Path tmp;

    private final List<ChildJvm> started = new ArrayList<>();

    @AfterEach
    void stopLeftovers() {
        started.forEach(child -> child.stop(Duration.ofSeconds(1)));
    }

    @Test
    void stopEndsTheChildWithSigtermWithinTheGrace() {
        ChildJvm child = startSleeper();
        child.awaitReady("sleeper ready", Duration.ofSeconds(20), () -> log(child).contains("sleeper ready"));

        long t0 = System.nanoTime();
        child.stop(Duration.ofSeconds(10));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertFalse(child.isAlive());
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "took " + took);
        assertEquals(143, child.exitCode().orElseThrow(), "128 + SIGTERM: the JVM shut down normally");
        assertTrue(log(child).contains("sleeper got SIGTERM"), log(child));
    }

    @Test
    void stopKillsAChildThatHangsOnSigtermAfterTheGrace() {
        ChildJvm child = startSleeper("ignore-term");
        child.awaitReady("sleeper ready", Duration.ofSeconds(20), () -> log(child).contains("sleeper ready"));

        long t0 = System.nanoTime();
        child.stop(Duration.ofSeconds(1));
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertFalse(child.isAlive());
        assertEquals(137, child.exitCode().orElseThrow(), "128 + SIGKILL");
        assertTrue(took.compareTo(Duration.ofSeconds(1)) >= 0 && took.compareTo(Duration.ofSeconds(6)) < 0,
                "took " + took);
    }

    @Test
    void exitDuringStartupFailsWithTheLogTail() {
        ChildJvm child = startSleeper("fail");

        ChildJvmException e = assertThrows(ChildJvmException.class, () ->
                child.awaitReady("sleeper ready", Duration.ofSeconds(20), () -> false));

        assertTrue(e.getMessage().contains("exited with code 3"), e.getMessage());
        assertTrue(e.getMessage().contains("boom: bad config in startup"), e.getMessage());
    }

    @Test
    void timeoutFailsWithTheLogTail() {
        ChildJvm child = startSleeper();

        ChildJvmException e = assertThrows(ChildJvmException.class, () ->
                child.awaitReady("something that never comes", Duration.ofSeconds(2), () -> {
                    throw new IllegalStateException("probe says no");
                }));

        assertTrue(e.getMessage().contains("did not reach something that never comes within 2 s"), e.getMessage());
        assertTrue(e.getMessage().contains("probe says no"), e.getMessage());
        assertTrue(child.isAlive(), "a timeout leaves stopping to the caller");
    }

    @Test
    void childDiesWhenItsParentJvmIsKilled() throws Exception {
        Process parent = new ProcessBuilder(ChildJvm.javaBinary().toString(), "-Xmx64m", "-XX:+UseSerialGC",
                "-cp", launcherClasspath(), LauncherMain.class.getName(), tmp.toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("parent.log").toFile()).start();
        try {
            Path pidFile = tmp.resolve("child.pid");
            await("child pid written").atMost(Duration.ofSeconds(30)).until(() -> Files.exists(pidFile));
            long childPid = Long.parseLong(Files.readString(pidFile).strip());
            await("child running").atMost(Duration.ofSeconds(20))
                    .until(() -> Files.readString(tmp.resolve("child.log")).contains("sleeper ready"));

            parent.destroyForcibly(); // SIGKILL: no shutdown hook of the parent runs
            assertTrue(parent.waitFor(10, java.util.concurrent.TimeUnit.SECONDS));

            await("child gone after its parent was killed").atMost(Duration.ofSeconds(15))
                    .until(() -> !alive(childPid));
            assertTrue(Files.readString(tmp.resolve("child.log")).contains("sleeper got SIGTERM"),
                    "the child was asked to stop, not killed");
        } finally {
            parent.destroyForcibly();
        }
    }

    private ChildJvm startSleeper(String... args) {
        ChildJvm child = ChildJvm.start(ChildJvmSpec.of(ChildJvmFixtures.ARTIFACT_ID, SleeperMain.class.getName(),
                tmp.resolve("sleeper.log")).withJvmOptions(ChildJvmFixtures.SMALL_JVM).withArgs(List.of(args)));
        started.add(child);
        return child;
    }

    private static String log(ChildJvm child) {
        return child.logTail(100);
    }

    /** Alive and not a zombie: a reparented child that exited may linger as one until reaped. */
    private static boolean alive(long pid) throws Exception {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        if (!Files.exists(stat)) {
            return false;
        }
        String text = Files.readString(stat);
        return text.charAt(text.lastIndexOf(')') + 2) != 'Z';
    }

    /** The parent needs ChildJvm, its logger and the helper mains, wherever they are built. */
    private static String launcherClasspath() throws URISyntaxException {
        List<Path> entries = new ArrayList<>();
        for (Class<?> type : List.of(LauncherMain.class, ChildJvm.class, LoggerFactory.class)) {
            entries.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
        }
        return Stream.of(entries.toArray(Path[]::new)).distinct().map(Path::toString)
                .collect(Collectors.joining(File.pathSeparator));
    }
}
