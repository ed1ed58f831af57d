package io.newsctl.embedded;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The classpath of a module that runs in its own JVM: the module's own code plus the jars Maven
 * listed for it at build time in {@code META-INF/newsctl/classpath/<artifactId>.txt} (absolute
 * paths separated by the platform's path separator or by line breaks, written by the
 * {@code child-jvm-classpath} execution of maven-dependency-plugin).
 *
 * <p>The module's own code is wherever that list was found: the jar holding it, or the
 * {@code target/classes} directory when running from a reactor build or an IDE.
 */
public record ChildClasspath(String artifactId, Path moduleLocation, List<Path> jars) {

    static final String RESOURCE_DIR = "META-INF/newsctl/classpath/";

    public ChildClasspath {
        jars = List.copyOf(jars);
    }

    /** Finds the list for {@code artifactId} on {@code loader}'s classpath. */
    public static ChildClasspath locate(String artifactId, ClassLoader loader) {
        String resource = resourceName(artifactId);
        URL url = loader.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("No classpath list for child JVM module '" + artifactId + "': "
                    + resource + " is not on the classpath. Build that module first (mvn package, or "
                    + "mvn -pl <module> -am package) and depend on it from the module that starts it.");
        }
        return new ChildClasspath(artifactId, moduleLocation(url, resource), readJars(url, resource));
    }

    static String resourceName(String artifactId) {
        return RESOURCE_DIR + artifactId + ".txt";
    }

    /** Module location first, so its classes win over anything of the same name in the jars. */
    public List<Path> entries() {
        List<Path> all = new ArrayList<>(jars.size() + 1);
        all.add(moduleLocation);
        all.addAll(jars);
        return all;
    }

    /** The value for {@code java -cp}. */
    public String asArgument() {
        return entries().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    /** {@code jar:file:/x/m.jar!/META-INF/...} gives {@code /x/m.jar}; {@code file:/x/classes/META-INF/...} gives {@code /x/classes}. */
    static Path moduleLocation(URL url, String resource) {
        try {
            return switch (url.getProtocol()) {
                case "jar" -> {
                    String file = url.getFile(); // file:/x/m.jar!/META-INF/...
                    int bang = file.indexOf("!/");
                    yield Path.of(URI.create(file.substring(0, bang)));
                }
                case "file" -> {
                    Path path = Path.of(url.toURI());
                    for (int i = 0; i < resource.split("/").length; i++) {
                        path = path.getParent();
                    }
                    yield path;
                }
                default -> throw new IllegalStateException(
                        "Cannot derive a module location from " + url + ": only jar: and file: URLs are supported");
            };
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot derive a module location from " + url, e);
        }
    }

    private static List<Path> readJars(URL url, String resource) {
        String text;
        try (InputStream in = url.openStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + url, e);
        }
        List<Path> jars = Arrays.stream(text.split("[\\r\\n" + File.pathSeparator + "]+"))
                .map(String::strip).filter(entry -> !entry.isEmpty()).map(Path::of).toList();
        List<Path> missing = jars.stream().filter(jar -> !Files.exists(jar)).toList();
        if (!missing.isEmpty()) {
            // A stale list (local repository cleaned, built on another machine) or one written with
            // a wrong separator: either way the child would fail later with a confusing error.
            throw new IllegalStateException(resource + " (" + url + ") lists " + missing.size()
                    + " path(s) that do not exist, e.g. " + missing.get(0)
                    + ". Rebuild the module with mvn package so the list matches this machine.");
        }
        return jars;
    }
}
