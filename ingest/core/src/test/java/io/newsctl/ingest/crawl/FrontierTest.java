package io.newsctl.ingest.crawl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrontierTest {
    private static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    private static CrawlItem item(String url) {
        return CrawlItem.entry(url, "s", CrawlItem.Kind.PAGE);
    }

    @Test
    void oneRequestPerHostAtATimeAndNotBeforeItsNextAllowedTime() {
        Frontier f = new Frontier(10, 100);
        f.offer(item("https://a.com/1"));
        f.offer(item("https://a.com/2"));
        f.offer(item("https://b.com/1"));
        f.offer(item("https://b.com/2"));

        CrawlItem first = assertInstanceOf(Frontier.Poll.Ready.class, f.poll(T0)).item();
        assertEquals("https://a.com/1", first.url());
        CrawlItem second = assertInstanceOf(Frontier.Poll.Ready.class, f.poll(T0)).item();
        assertEquals("https://b.com/1", second.url(), "a.com is busy, so b.com goes next");
        assertInstanceOf(Frontier.Poll.Wait.class, f.poll(T0), "both hosts busy");

        f.release(first, T0.plusSeconds(5), null);
        Frontier.Poll.Wait wait = assertInstanceOf(Frontier.Poll.Wait.class, f.poll(T0.plusSeconds(1)));
        assertEquals(Duration.ofMillis(50), wait.duration(), "b.com still busy: short wait");
        f.release(second, T0.plusSeconds(5), null);
        assertEquals(Duration.ofSeconds(4), assertInstanceOf(Frontier.Poll.Wait.class, f.poll(T0.plusSeconds(1))).duration());
        assertEquals("https://a.com/2", assertInstanceOf(Frontier.Poll.Ready.class, f.poll(T0.plusSeconds(5))).item().url());
    }

    @Test
    void boundsRefuseAndCountInsteadOfGrowing() {
        Frontier f = new Frontier(2, 3);
        assertEquals(Frontier.Offer.QUEUED, f.offer(item("https://a.com/1")));
        assertEquals(Frontier.Offer.ALREADY_QUEUED, f.offer(item("https://a.com/1")));
        assertEquals(Frontier.Offer.QUEUED, f.offer(item("https://a.com/2")));
        assertEquals(Frontier.Offer.HOST_FULL, f.offer(item("https://a.com/3")));
        assertEquals(Frontier.Offer.QUEUED, f.offer(item("https://b.com/1")));
        assertEquals(Frontier.Offer.FULL, f.offer(item("https://c.com/1")));
        assertEquals(3, f.queued());
        assertEquals(Map.of(Frontier.Offer.HOST_FULL, 1, Frontier.Offer.FULL, 1), f.refused());
    }

    @Test
    void aRetryGoesToTheFrontOfItsHostQueueEvenWhenFull() {
        Frontier f = new Frontier(1, 1);
        f.offer(item("https://a.com/1"));
        CrawlItem taken = assertInstanceOf(Frontier.Poll.Ready.class, f.poll(T0)).item();
        f.offer(item("https://a.com/2"));
        f.release(taken, T0.plusSeconds(30), taken.retry());
        assertEquals(2, f.queued());
        CrawlItem again = assertInstanceOf(Frontier.Poll.Ready.class, f.poll(T0.plusSeconds(30))).item();
        assertEquals("https://a.com/1", again.url());
        assertEquals(1, again.attempt());
    }

    @Test
    void emptyOnlyWhenNothingIsQueued() {
        Frontier f = new Frontier(1, 1);
        f.offer(item("https://a.com/1"));
        CrawlItem taken = assertInstanceOf(Frontier.Poll.Ready.class, f.poll(T0)).item();
        assertEquals(1, assertInstanceOf(Frontier.Poll.Empty.class, f.poll(T0)).inFlight());
        f.release(taken, T0, null);
        assertEquals(0, assertInstanceOf(Frontier.Poll.Empty.class, f.poll(T0)).inFlight());
    }

    @Test
    void hostsAreKeyedBySchemeHostAndPort() {
        assertEquals("https://36kr.com:443", CrawlItem.hostKey("https://36kr.com/p/1"));
        assertEquals("http://127.0.0.1:8080", CrawlItem.hostKey("http://127.0.0.1:8080/x"));
    }
}
