package io.newsctl.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.ingest.fetch.FetchSettings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CrawlSettingsTest {

    @Test
    void backOffDoublesUpToTheCap() {
        CrawlSettings s = CrawlSettings.builder().backoffInitial(Duration.ofSeconds(30)).backoffMax(Duration.ofMinutes(3)).build();
        assertEquals(Duration.ZERO, s.backoff(0));
        assertEquals(Duration.ofSeconds(30), s.backoff(1));
        assertEquals(Duration.ofSeconds(120), s.backoff(3));
        assertEquals(Duration.ofMinutes(3), s.backoff(4));
        assertEquals(Duration.ofMinutes(3), s.backoff(500));
    }

    @Test
    void badValuesNameTheirKey() {
        assertKey("threads", () -> CrawlSettings.builder().threads(0).build());
        assertKey("backoff-max", () -> CrawlSettings.builder().backoffMax(Duration.ofSeconds(1)).build());
        assertKey("max-queued-per-host", () -> CrawlSettings.builder().maxQueuedPerHost(10).maxQueued(5).build());
        assertKey("robots-agent", () -> CrawlSettings.builder().robotsAgent("news ctl").build());
        assertKey("max-body-bytes", () -> FetchSettings.defaults().withMaxBodyBytes(10));
        assertKey("user-agent", () -> new FetchSettings("中文", Duration.ofSeconds(1), Duration.ofSeconds(1), 4096, 3));
    }

    private static void assertKey(String key, Runnable r) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().startsWith(key), e.getMessage());
    }
}
