package io.newsctl.embedded.testchild;

import java.nio.file.Files;
import java.nio.file.Path;

import io.newsctl.embedded.ChildJvm;
import io.newsctl.embedded.ChildJvmSpec;

/**
 * An intermediate parent JVM: starts a {@link SleeperMain} child through {@link ChildJvm}, writes
 * the child's pid to {@code <dir>/child.pid} and sleeps, so a test can SIGKILL it.
 */
public final class LauncherMain {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        ChildJvm child = ChildJvm.start(ChildJvmSpec.of(ChildJvmFixtures.ARTIFACT_ID, SleeperMain.class.getName(),
                dir.resolve("child.log")).withJvmOptions(ChildJvmFixtures.SMALL_JVM));
        Path tmp = dir.resolve("child.pid.tmp");
        Files.writeString(tmp, Long.toString(child.pid()));
        Files.move(tmp, dir.resolve("child.pid")); // appears complete or not at all
        Thread.sleep(Long.MAX_VALUE);
    }
}
