package io.newsctl.cli;

import io.newsctl.embedded.ChildJvm;
import io.newsctl.embedded.ChildJvmSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** One pipeline service running in a child JVM, with its HTTP port (API, health, metrics). */
final class ServiceProcess implements AutoCloseable {
    static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final ChildJvm jvm;

    private ServiceProcess(String name, int port, ChildJvm jvm) {
        this.name = name;
        this.port = port;
        this.jvm = jvm;
    }

    /**
     * Starts {@code <name>-service} (main class {@code io.newsctl.<name>.service.Application}) with
     * the given environment; Micronaut maps NEWS_KAFKA_BOOTSTRAP_SERVERS to news.kafka.bootstrap-servers
     * and so on.
     */
    static ServiceProcess start(String name, int port, Map<String, String> env, List<String> jvmOptions, Path logDir) {
        Map<String, String> environment = new java.util.HashMap<>(env);
        environment.put("MICRONAUT_SERVER_PORT", Integer.toString(port));
        ChildJvmSpec spec = ChildJvmSpec.of(name + "-service", "io.newsctl." + name + ".service.Application",
                        logDir.resolve(name + ".log"))
                .withJvmOptions(jvmOptions)
                .withEnv(environment);
        return new ServiceProcess(name, port, ChildJvm.start(spec));
    }

    /** Waits until the service reports ready (all its consumers consuming). */
    void awaitReady(Duration timeout) {
        jvm.awaitReady(name + " readiness", timeout, () -> get("/health/readiness").statusCode() == 200);
    }

    HttpResponse<String> get(String pathAndQuery) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery))
                .timeout(Duration.ofSeconds(10)).GET().build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    String name() {
        return name;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    long pid() {
        return jvm.pid();
    }

    OptionalLong rssKib() {
        return jvm.rssKib();
    }

    Path logFile() {
        return jvm.logFile();
    }

    boolean isAlive() {
        return jvm.isAlive();
    }

    /** Exit code, or empty while running. */
    OptionalLong exitCode() {
        return jvm.exitCode();
    }

    /** SIGTERM (what Kubernetes sends first), then up to {@code grace} to drain, then SIGKILL. */
    void stop(Duration grace) {
        jvm.stop(grace);
    }

    /** SIGKILL at once, as when a node dies or the kernel's OOM killer strikes; returns once it is gone. */
    void kill() {
        ProcessHandle.of(jvm.pid()).ifPresent(ProcessHandle::destroyForcibly);
        jvm.stop(Duration.ofSeconds(10));
    }

    @Override
    public void close() {
        jvm.stop(STOP_GRACE);
    }
}
