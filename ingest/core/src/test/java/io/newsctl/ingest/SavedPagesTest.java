package io.newsctl.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SavedPagesTest {
    @TempDir
    Path root;

    private void write(String rel, String html) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, html, StandardCharsets.UTF_8);
    }

    @Test
    void findsPagesRecursivelyWithTheirUrls() throws IOException {
        write("b/saved.html", "<!DOCTYPE html>\n<!-- saved from url=(0035)https://36kr.com/p/3386107931734151 -->\n<html><body>x</body></html>");
        write("a/canonical.htm", "<html><head><link rel=\"canonical\" href=\"https://www.163.com/tech/article/K9.html\"></head></html>");
        write("a/og.html", "<html><head><meta property=\"og:url\" content=\"https://blog.chipinsight.net/posts/riscv/\"></head></html>");
        write("c/nourl.html", "<html><body>no url anywhere</body></html>");
        write("c/notes.txt", "not a page");

        SavedPages.Scan scan = SavedPages.scan(root);

        assertEquals(3, scan.pages().size());
        assertEquals(root.resolve("a/canonical.htm"), scan.pages().get(0).file(), "sorted by path");
        assertEquals("https://www.163.com/tech/article/K9.html", scan.pages().get(0).url());
        assertEquals("canonical", scan.pages().get(0).urlEvidence());
        assertEquals("og:url", scan.pages().get(1).urlEvidence());
        assertEquals("https://36kr.com/p/3386107931734151", scan.pages().get(2).url());
        assertEquals("saved-from", scan.pages().get(2).urlEvidence());
        assertEquals(1, scan.skipped().size());
        assertEquals(root.resolve("c/nourl.html"), scan.skipped().get(0).file());
        assertTrue(scan.skipped().get(0).reason().contains("no URL"));
    }

    @Test
    void everySamplePageHasAUrl() throws IOException {
        SavedPages.Scan scan = SavedPages.scan(Samples.dir().resolve("pages"));
        assertTrue(scan.skipped().isEmpty(), scan.skipped().toString());
        assertTrue(scan.pages().size() >= 15);
    }
}
