package io.newsctl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.RawArticle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One extractor shared by threads gives the same answers as on one thread. */
class ConcurrencyTest {
    @Test
    void sharedExtractorIsThreadSafe() throws Exception {
        Extractor x = Extractor.createDefault();
        RawArticle article = Articles.reference();
        EnrichedArticle expected = x.enrich(article);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<EnrichedArticle>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> x.enrich(article)));
            }
            for (Future<EnrichedArticle> f : results) {
                EnrichedArticle got = f.get();
                assertEquals(expected.entities(), got.entities());
                assertEquals(expected.figures(), got.figures());
                assertEquals(expected.evidence(), got.evidence());
                assertEquals(expected.segmented(), got.segmented());
                assertEquals(expected.keywords(), got.keywords());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(x, Extractor.createDefault(), "createDefault shares one instance");
    }
}
