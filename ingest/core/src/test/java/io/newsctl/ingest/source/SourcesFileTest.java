package io.newsctl.ingest.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.ingest.testing.SamplePages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SourcesFileTest {

    @Test
    void everyExampleInSamplesLoads() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(SamplePages.dir().resolve("sources"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertEquals(3, files.size(), files.toString());
        for (Path file : files) {
            assertFalse(SourcesFile.load(file).isEmpty(), file.toString());
        }
        List<SourceConfig> kr = SourcesFile.load(SamplePages.dir().resolve("sources/36kr.yaml"));
        SourceConfig info = kr.get(0);
        assertEquals("36kr-information", info.name());
        assertEquals(SourceKind.LIST, info.kind());
        assertEquals(Duration.ofMinutes(30), info.schedule());
        assertEquals("36kr", info.profile());
        assertEquals(1, info.maxDepth());
        assertTrue(info.follows("https://36kr.com/p/3386107931734151", info.urls().get(0)));
        assertFalse(info.follows("https://36kr.com/user/123", info.urls().get(0)));
    }

    @Test
    void defaultsDependOnTheKind() {
        List<SourceConfig> s = SourcesFile.parse("""
                sources:
                  - {name: f, kind: feed, url: 'https://example.com/rss'}
                  - {name: m, kind: sitemap, url: 'https://example.com/sitemap.xml'}
                  - {name: s, kind: seeds, urls: ['https://example.com/a?utm_source=x']}
                """, "t");
        assertEquals(1, s.get(0).maxDepth());
        assertEquals(2, s.get(1).maxDepth());
        assertEquals(0, s.get(2).maxDepth());
        assertEquals("https://example.com/a", s.get(2).urls().get(0), "tracking parameters stripped");
        assertEquals("auto", s.get(0).profile());
        assertTrue(s.get(0).follows("https://www.example.com/x", "https://example.com/rss"), "same site without follow");
        assertFalse(s.get(0).follows("https://other.org/x", "https://example.com/rss"));
    }

    @Test
    void mistakesAreReportedWithTheSourceAndTheKey() {
        assertError("unknown key 'folow'", "sources:\n  - {name: a, kind: list, url: 'https://x.com/', folow: ['p']}");
        assertError("source 'a': 'kind' must be one of", "sources:\n  - {name: a, kind: rss, url: 'https://x.com/'}");
        assertError("not an http(s) URL: 'ftp://x.com/'", "sources:\n  - {name: a, kind: list, url: 'ftp://x.com/'}");
        assertError("'follow' is not a regular expression", "sources:\n  - {name: a, kind: list, url: 'https://x.com/', follow: ['(']}");
        assertError("'schedule' must be at least 1m", "sources:\n  - {name: a, kind: list, url: 'https://x.com/', schedule: 10s}");
        assertError("'profile' must be one of", "sources:\n  - {name: a, kind: list, url: 'https://x.com/', profile: sina}");
        assertError("duplicate source name 'a'", "sources:\n  - {name: a, kind: list, url: 'https://x.com/'}\n"
                + "  - {name: a, kind: feed, url: 'https://x.com/rss'}");
        assertError("'max-links' must be a whole number 1..10000", "sources:\n  - {name: a, kind: list, url: 'https://x.com/', max-links: 0}");
        assertError("expected a non-empty 'sources:' list", "source: []");
        assertError("needs 'urls'", "sources:\n  - {name: a, kind: list}");
    }

    private static void assertError(String expected, String yaml) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SourcesFile.parse(yaml, "f.yaml"));
        assertTrue(e.getMessage().startsWith("f.yaml") && e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void durations() {
        assertEquals(Duration.ofMillis(500), Durations.parse("500ms"));
        assertEquals(Duration.ofMinutes(15), Durations.parse("15m"));
        assertEquals(Duration.ofDays(2), Durations.parse("2d"));
        assertEquals(Duration.ofMinutes(15), Durations.parse("PT15M"));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("soon"));
    }
}
