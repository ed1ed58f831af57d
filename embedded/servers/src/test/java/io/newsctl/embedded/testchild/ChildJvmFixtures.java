package io.newsctl.embedded.testchild;

import java.util.List;

/** Shared by the launcher tests and their helper mains. */
public final class ChildJvmFixtures {

    /** Its classpath list (empty) is in src/test/resources: the child runs from target/test-classes. */
    public static final String ARTIFACT_ID = "newsctl-test-child";

    /** Keeps the helper JVMs cheap on a small machine. */
    public static final List<String> SMALL_JVM = List.of("-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private ChildJvmFixtures() {
    }
}
