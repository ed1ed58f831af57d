package io.newsctl.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.newsctl.ingest.Fingerprint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DedupIndexTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private static String body(int n) {
        return ("第" + n + "篇文章。").repeat(3) + "国产芯片厂商在第" + n + "季度的出货量继续增长，行业分析师认为需求来自数据中心。编号" + n * 7919;
    }

    private static CrawlState state(String id, String body, Instant at, String duplicateOf) {
        Fingerprint fp = Fingerprint.of(body);
        return new CrawlState("https://x.com/" + id, "s", CrawlItem.Kind.PAGE, CrawlState.Status.FETCHED, at, at, 200,
                null, null, id, fp.contentHash(), fp.simHash(), fp.length(), duplicateOf, 0, null);
    }

    @Test
    void restoreKeepsTheNewestOriginalsWithinTheCapAndTheWindow() {
        List<CrawlState> states = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            states.add(state("id" + i, body(i), T0.plusSeconds(i), null));
        }
        states.add(state("dup", body(1499), T0.plusSeconds(2000), "id1499"));
        states.add(state("ancient", body(5000), T0.minus(Duration.ofDays(60)), null));
        DedupIndex index = new DedupIndex(1000, Duration.ofDays(30));
        index.restore(states, T0.plusSeconds(3000));

        assertEquals(1000, index.size(), "capped; duplicates and entries outside the window not indexed");
        assertNull(index.check("new0", Fingerprint.of(body(0)), T0.plusSeconds(4000)), "oldest aged out");
        DedupIndex.class.getName();
        assertEquals("id1499", index.check("new1499", Fingerprint.of(body(1499)), T0.plusSeconds(4000)).id());
    }

    @Test
    void indexingBeyondTheCapForgetsTheOldest() {
        DedupIndex index = new DedupIndex(1000, Duration.ofDays(30));
        for (int i = 0; i < 1200; i++) {
            assertNull(index.check("id" + i, Fingerprint.of(body(i)), T0.plusSeconds(i)));
        }
        assertEquals(1000, index.size());
        assertNull(index.check("again0", Fingerprint.of(body(0)), T0.plusSeconds(5000)));
        assertNotNull(index.check("again1199", Fingerprint.of(body(1199)), T0.plusSeconds(5000)));
    }
}
