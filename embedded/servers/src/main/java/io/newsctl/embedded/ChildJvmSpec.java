package io.newsctl.embedded;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start one child JVM: which module's classpath ({@link ChildClasspath}), its main class,
 * JVM options, program arguments, extra environment variables, working directory and the log file
 * that receives its stdout and stderr. Build with {@link #of} and the {@code withX} copies.
 */
public record ChildJvmSpec(String artifactId, String mainClass, List<String> jvmOptions, List<String> args,
        Map<String, String> env, Path workDir, Path logFile) {

    public ChildJvmSpec {
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(mainClass, "mainClass");
        Objects.requireNonNull(logFile, "logFile");
        jvmOptions = List.copyOf(jvmOptions);
        args = List.copyOf(args);
        env = Map.copyOf(env);
        workDir = workDir == null ? Path.of("").toAbsolutePath() : workDir;
    }

    /** No options, no arguments, the current working directory. */
    public static ChildJvmSpec of(String artifactId, String mainClass, Path logFile) {
        return new ChildJvmSpec(artifactId, mainClass, List.of(), List.of(), Map.of(), null, logFile);
    }

    public ChildJvmSpec withJvmOptions(List<String> options) {
        return new ChildJvmSpec(artifactId, mainClass, options, args, env, workDir, logFile);
    }

    public ChildJvmSpec withArgs(List<String> arguments) {
        return new ChildJvmSpec(artifactId, mainClass, jvmOptions, arguments, env, workDir, logFile);
    }

    public ChildJvmSpec withEnv(Map<String, String> variables) {
        return new ChildJvmSpec(artifactId, mainClass, jvmOptions, args, variables, workDir, logFile);
    }

    public ChildJvmSpec withWorkDir(Path dir) {
        return new ChildJvmSpec(artifactId, mainClass, jvmOptions, args, env, dir, logFile);
    }
}
