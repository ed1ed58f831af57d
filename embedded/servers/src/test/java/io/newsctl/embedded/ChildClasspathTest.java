package io.newsctl.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildClasspathTest {

    @TempDir
    Path tmp;

    @Test
    void missingListTellsToBuildTheModuleFirst() {
        ChildJvmSpec spec = ChildJvmSpec.of("no-such-module", "x.Main", tmp.resolve("x.log"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ChildJvm.start(spec));

        assertTrue(e.getMessage().contains("META-INF/newsctl/classpath/no-such-module.txt"), e.getMessage());
        assertTrue(e.getMessage().contains("mvn package"), e.getMessage());
        assertTrue(Files.notExists(tmp.resolve("x.log")), "nothing may be started");
    }

    @Test
    void listInsideAJarMakesTheJarTheModuleLocation() throws IOException {
        Path dependency = Files.createFile(tmp.resolve("dep.jar"));
        Path moduleJar = tmp.resolve("dir with space/module.jar");
        Files.createDirectories(moduleJar.getParent());
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(moduleJar))) {
            jar.putNextEntry(new JarEntry(ChildClasspath.resourceName("demo")));
            jar.write((dependency + "\n").getBytes(StandardCharsets.UTF_8));
        }

        ChildClasspath cp = locate("demo", moduleJar);

        assertEquals(moduleJar, cp.moduleLocation());
        assertEquals(List.of(moduleJar, dependency), cp.entries());
    }

    @Test
    void listInAClassesDirectoryMakesTheDirectoryTheModuleLocation() throws IOException {
        Path classes = tmp.resolve("target/classes");
        Path a = Files.createFile(tmp.resolve("a.jar"));
        Path b = Files.createFile(tmp.resolve("b.jar"));
        write(classes.resolve(ChildClasspath.resourceName("demo")), a + "\n" + b + "\n\n");

        ChildClasspath cp = locate("demo", classes);

        assertEquals(classes, cp.moduleLocation());
        assertEquals(List.of(a, b), cp.jars());
        assertEquals(classes + java.io.File.pathSeparator + a + java.io.File.pathSeparator + b, cp.asArgument());
    }

    @Test
    void staleListNamingAMissingJarIsRejected() throws IOException {
        Path classes = tmp.resolve("classes");
        Path gone = tmp.resolve("gone.jar");
        write(classes.resolve(ChildClasspath.resourceName("demo")), gone + "\n");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> locate("demo", classes));

        assertTrue(e.getMessage().contains(gone.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("mvn package"), e.getMessage());
    }

    /** Guards the build: the node modules' lists must hold one existing jar per line. */
    @Test
    void nodeModulesShipUsableClasspathLists() {
        for (String artifactId : List.of(EmbeddedKafka.ARTIFACT_ID, EmbeddedElasticsearch.ARTIFACT_ID)) {
            ChildClasspath cp = ChildClasspath.locate(artifactId, getClass().getClassLoader());
            assertTrue(cp.jars().size() > 20, artifactId + " lists only " + cp.jars());
            assertTrue(cp.jars().stream().allMatch(jar -> jar.toString().endsWith(".jar")), cp.jars().toString());
        }
    }

    private static ChildClasspath locate(String artifactId, Path root) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null)) {
            return ChildClasspath.locate(artifactId, loader);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
