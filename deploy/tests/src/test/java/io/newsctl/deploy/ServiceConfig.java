package io.newsctl.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsctl.embedded.ChildClasspath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.yaml.snakeyaml.Yaml;

/**
 * What a service reads and serves, taken from the service as built: its {@code application.yml}
 * and the configuration metadata ({@code META-INF/spring-configuration-metadata.json}, written by
 * Micronaut's annotation processor for every {@code @ConfigurationProperties}) of every jar on its
 * runtime classpath (the list its module ships for child JVMs).
 *
 * @param name        service name: ingest, extract, index, alert
 * @param keys        every configuration key the service reads
 * @param mapPrefixes keys of map-valued properties ({@code news.kafka.properties}): any sub-key is read
 * @param config      application.yml, flattened to dotted keys
 * @param defaults    default values declared in the configuration metadata
 * @param classpath   the service's runtime classpath
 */
record ServiceConfig(String name, Set<String> keys, Set<String> mapPrefixes, Map<String, Object> config,
                     Map<String, String> defaults, ChildClasspath classpath) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static ServiceConfig load(String name) {
        ChildClasspath classpath = ChildClasspath.locate(name + "-service", ServiceConfig.class.getClassLoader());
        Set<String> keys = new TreeSet<>();
        Set<String> mapPrefixes = new TreeSet<>();
        Map<String, String> defaults = new LinkedHashMap<>();
        for (Path entry : classpath.entries()) {
            read(entry, "META-INF/spring-configuration-metadata.json").ifPresent(json -> {
                try {
                    for (JsonNode property : JSON.readTree(json).path("properties")) {
                        String key = property.path("name").asText();
                        keys.add(key);
                        if (property.hasNonNull("defaultValue")) {
                            defaults.put(key, property.path("defaultValue").asText());
                        }
                        if (property.path("type").asText().startsWith("java.util.Map")) {
                            mapPrefixes.add(key);
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("bad configuration metadata in " + entry, e);
                }
            });
        }
        String yaml = read(classpath.moduleLocation(), "application.yml")
                .orElseThrow(() -> new IllegalStateException("no application.yml in " + classpath.moduleLocation()));
        Map<String, Object> config = new LinkedHashMap<>();
        flatten("", new Yaml().load(yaml), config);
        keys.addAll(config.keySet());
        return new ServiceConfig(name, keys, mapPrefixes, config, defaults, classpath);
    }

    /** The configuration key an environment variable sets (Micronaut: A_B_C → a.b.c, a-b.c, …). */
    Optional<String> keyOfEnv(String variable) {
        for (String key : keys) {
            if (normalise(key).equals(variable)) {
                return Optional.of(key);
            }
        }
        for (String prefix : mapPrefixes) {
            if (variable.startsWith(normalise(prefix) + "_")) {
                return Optional.of(prefix + ".*");
            }
        }
        return Optional.empty();
    }

    static String normalise(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The HTTP port: micronaut.server.port of application.yml. */
    int port() {
        Object port = config.get("micronaut.server.port");
        if (port == null) {
            throw new IllegalStateException(name + ": no micronaut.server.port in application.yml");
        }
        return Integer.parseInt(port.toString());
    }

    /** A value of application.yml, or the default from the configuration metadata. */
    Optional<String> value(String key) {
        return Optional.ofNullable(config.get(key)).map(Object::toString).or(() -> Optional.ofNullable(defaults.get(key)));
    }

    /** Whether a management endpoint is served to anonymous callers (what a kubelet probe is). */
    boolean servesAnonymously(String endpoint) {
        boolean enabled = !"false".equals(String.valueOf(config.get("endpoints." + endpoint + ".enabled")));
        boolean open = "false".equals(String.valueOf(config.get("endpoints." + endpoint + ".sensitive")));
        return enabled && open;
    }

    /** Paths the service answers on its management endpoints (probes, metrics). */
    Set<String> managementPaths() {
        String base = String.valueOf(config.getOrDefault("endpoints.all.path", "/"));
        base = base.endsWith("/") ? base : base + "/";
        Set<String> paths = new TreeSet<>();
        if (servesAnonymously("health") && hasClass(n -> n.equals("io/micronaut/management/endpoint/health/HealthEndpoint.class"))) {
            paths.add(base + "health");
            paths.add(base + "health/liveness");
            paths.add(base + "health/readiness");
        }
        if (servesAnonymously("prometheus") && hasClass(n -> n.endsWith("/prometheus/management/PrometheusEndpoint.class"))) {
            paths.add(base + "prometheus");
        }
        return paths;
    }

    /** Whether a class with a matching resource name is on the service's classpath. */
    boolean hasClass(Predicate<String> resourceName) {
        for (Path entry : classpath.entries()) {
            if (Files.isDirectory(entry)) {
                try (var files = Files.walk(entry)) {
                    if (files.map(p -> entry.relativize(p).toString().replace('\\', '/')).anyMatch(resourceName)) {
                        return true;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (entry.toString().endsWith(".jar")) {
                try (ZipFile zip = new ZipFile(entry.toFile())) {
                    if (zip.stream().map(ZipEntry::getName).anyMatch(resourceName)) {
                        return true;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return false;
    }

    private static Optional<String> read(Path location, String resource) {
        try {
            if (Files.isDirectory(location)) {
                Path file = location.resolve(resource);
                return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
            }
            if (!location.toString().endsWith(".jar")) {
                return Optional.empty();
            }
            try (ZipFile zip = new ZipFile(location.toFile())) {
                ZipEntry entry = zip.getEntry(resource);
                if (entry == null) {
                    return Optional.empty();
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    return Optional.of(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource + " from " + location, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object value, Map<String, Object> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, out));
        } else if (!prefix.isEmpty()) {
            out.put(prefix, value);
        }
    }
}
