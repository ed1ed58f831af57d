package io.newsctl.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Dockerfiles, checked statically (no Docker engine on these machines): a build stage and a
 * JRE 21+ runtime stage, a non-root user, a health check on the readiness endpoint, the port the
 * service listens on, and an entry point that starts the service's real main class.
 */
class DockerfilesTest {
    private static final Pattern FROM = Pattern.compile("(?im)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?\\s*$");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ingest", "extract", "index", "alert"})
    void theImageRunsTheServiceAsBuilt(String name) throws IOException {
        Path dir = Manifests.DEPLOY.resolve("docker").resolve(name);
        String dockerfile = Files.readString(dir.resolve("Dockerfile"));
        ServiceConfig service = KubernetesManifestsTest.service(name);
        String javaVersion = match(dockerfile, "(?m)^ARG JAVA_VERSION=(\\d+)\\s*$");
        assertTrue(Integer.parseInt(javaVersion) >= 21, "Java 21+ (Elasticsearch 9 jars)");

        List<String[]> stages = new ArrayList<>();
        Matcher from = FROM.matcher(dockerfile);
        while (from.find()) {
            stages.add(new String[] {from.group(1).replace("${JAVA_VERSION}", javaVersion), from.group(2)});
        }
        assertTrue(stages.size() >= 2, "multi-stage: build, then runtime");
        String runtime = stages.get(stages.size() - 1)[0];
        assertTrue(runtime.matches("eclipse-temurin:\\d+-jre.*"), "a JRE runtime image: " + runtime);
        for (String[] stage : stages) {
            String image = stage[0];
            String first = image.contains("/") ? image.substring(0, image.indexOf('/')) : "";
            assertFalse(first.contains(".") || first.contains(":"), "image by its default-registry name: " + image);
        }

        String runtimePart = dockerfile.substring(dockerfile.lastIndexOf("\nFROM "));
        String user = match(runtimePart, "(?m)^USER\\s+(\\S+)\\s*$");
        String uid = user.split(":")[0];
        assertTrue(uid.matches("\\d+") && Integer.parseInt(uid) > 0, "a numeric non-root USER (runAsNonRoot can check it): " + user);

        int port = service.port();
        assertEquals(String.valueOf(port), match(runtimePart, "(?m)^EXPOSE\\s+(\\d+)\\s*$"));
        assertEquals(String.valueOf(port), match(runtimePart, "MICRONAUT_SERVER_PORT=(\\d+)"));
        String healthcheck = match(runtimePart, "(?ms)^HEALTHCHECK\\s+(.*?)\\n(?:#|ENTRYPOINT)");
        assertTrue(service.managementPaths().contains("/health/readiness") && healthcheck.contains("/health/readiness"),
                "the health check asks the readiness endpoint: " + healthcheck);

        String mainClass = match(runtimePart, "(?m)^ENTRYPOINT \\[.*\"([\\w.]+)\"\\]\\s*$");
        String pom = Files.readString(Manifests.REPOSITORY.resolve(name).resolve("service/pom.xml"));
        assertEquals(match(pom, "<exec.mainClass>([^<]+)</exec.mainClass>"), mainClass);
        assertTrue(service.hasClass(n -> n.equals(mainClass.replace('.', '/') + ".class")), mainClass + " is built");

        String module = match(dockerfile, "-pl (\\S+) -am");
        assertEquals(name + "/service", module);
        assertTrue(Files.readString(Manifests.REPOSITORY.resolve(name).resolve("pom.xml"))
                .contains("<module>service</module>"), module + " is a module of the reactor");
        assertTrue(dockerfile.contains("cp " + module + "/target/" + name + "-service-*.jar /out/app.jar"),
                "the service's own jar is the app layer");

        String ignore = Files.readString(dir.resolve("Dockerfile.dockerignore"));
        assertTrue(ignore.lines().anyMatch(l -> l.strip().equals("**/target")), "build output stays out of the context");
        assertTrue(ignore.lines().anyMatch(l -> l.strip().equals(".git")), ".git stays out of the context");
    }

    private static String match(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertTrue(matcher.find(), "no match for " + regex);
        return matcher.group(1);
    }
}
