package io.newsctl.ingest.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.ingest.fetch.FetchResult.Failed;
import io.newsctl.ingest.fetch.FetchResult.Reason;
import io.newsctl.ingest.testing.FixtureSite;
import io.newsctl.ingest.testing.FixtureSite.Response;
import io.newsctl.net.TargetGuard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
    private static final Instant NOW = Instant.parse("2026-03-01T08:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final TargetGuard guard = new TargetGuard(List.of("127.0.0.1/32"));
    private final List<String> contacted = new CopyOnWriteArrayList<>();
    private FixtureSite site;
    private HttpFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        site = FixtureSite.start(clock);
        fetcher = fetcher(FetchSettings.defaults());
    }

    @AfterEach
    void stop() {
        site.close();
    }

    /** The JDK transport, watched: the test fails if a request would leave 127.0.0.1. */
    private HttpFetcher fetcher(FetchSettings settings) {
        HttpFetcher.Transport jdk = HttpFetcher.jdkTransport(settings);
        return new HttpFetcher(settings, guard, clock, (request, handler) -> {
            contacted.add(request.uri().getHost());
            if (!request.uri().getHost().equals("127.0.0.1")) {
                throw new AssertionError("a request to " + request.uri() + " got past the guard");
            }
            return jdk.send(request, handler);
        });
    }

    @Test
    void sendsTheUserAgentAndReturnsTheBodyWithItsValidators() throws Exception {
        site.page("/a", Response.html("<p>你好</p>").with("ETag", "\"v1\"").with("Last-Modified",
                "Sun, 01 Mar 2026 07:00:00 GMT"));
        FetchResult.Fetched f = assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(site.url("/a"), Validators.NONE));
        assertEquals("<p>你好</p>", new String(f.body(), StandardCharsets.UTF_8));
        assertEquals("\"v1\"", f.etag());
        assertEquals("Sun, 01 Mar 2026 07:00:00 GMT", f.lastModified());
        assertEquals(FetchSettings.DEFAULT_USER_AGENT, site.requests("/a").get(0).header("user-agent"));
        assertNull(site.requests("/a").get(0).header("if-none-match"));
    }

    @Test
    void storedValidatorsGoOutAndA304ComesBackAsNotModified() throws Exception {
        site.route("/a", r -> "\"v1\"".equals(r.header("if-none-match"))
                ? Response.status(304) : Response.html("<p>new</p>").with("ETag", "\"v1\""));
        FetchResult result = fetcher.fetch(site.url("/a"), Validators.of("\"v1\"", "Sun, 01 Mar 2026 07:00:00 GMT"));
        assertInstanceOf(FetchResult.NotModified.class, result);
        assertEquals("Sun, 01 Mar 2026 07:00:00 GMT", site.requests("/a").get(0).header("if-modified-since"));
    }

    @Test
    void tooManyRequestsCarriesRetryAfterInSecondsOrAsADate() throws Exception {
        site.page("/busy", Response.status(429, "Retry-After", "120"));
        site.page("/down", Response.status(503, "Retry-After",
                DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90).atOffset(ZoneOffset.UTC))));
        Failed busy = assertInstanceOf(Failed.class, fetcher.fetch(site.url("/busy"), Validators.NONE));
        assertEquals(429, busy.status());
        assertTrue(busy.retryable());
        assertEquals(Duration.ofSeconds(120), busy.retryAfter());
        assertTrue(busy.message().contains(site.url("/busy")) && busy.message().contains("429"), busy.message());
        Failed down = assertInstanceOf(Failed.class, fetcher.fetch(site.url("/down"), Validators.NONE));
        assertEquals(Duration.ofSeconds(90), down.retryAfter());
    }

    @Test
    void serverErrorsAreRetryableAndNotFoundIsNot() throws Exception {
        site.page("/boom", Response.status(500));
        assertTrue(assertInstanceOf(Failed.class, fetcher.fetch(site.url("/boom"), Validators.NONE)).retryable());
        Failed missing = assertInstanceOf(Failed.class, fetcher.fetch(site.url("/nothing"), Validators.NONE));
        assertEquals(404, missing.status());
        assertFalse(missing.retryable());
    }

    @Test
    void redirectsAreFollowedHereAndRecorded() throws Exception {
        site.page("/old", Response.status(301, "Location", "/new#frag"));
        site.page("/new", Response.html("<p>moved</p>"));
        FetchResult.Fetched f = assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(site.url("/old"), Validators.NONE));
        assertEquals(site.url("/new"), f.finalUrl());
        assertEquals(List.of(site.url("/new")), f.redirects());
    }

    @Test
    void aRedirectLoopStopsWithAClearError() throws Exception {
        site.page("/a", Response.status(302, "Location", "/b"));
        site.page("/b", Response.status(302, "Location", "/a"));
        Failed f = assertInstanceOf(Failed.class, fetcher.fetch(site.url("/a"), Validators.NONE));
        assertEquals(Reason.REDIRECT_LOOP, f.reason());
        assertFalse(f.retryable());
        assertTrue(f.message().contains("redirect loop") && f.message().contains(site.url("/a")), f.message());
        assertEquals(2, site.requests().size(), "each URL once");
    }

    @Test
    void redirectsAreBounded() throws Exception {
        for (int i = 0; i < 10; i++) {
            site.page("/r" + i, Response.status(307, "Location", "/r" + (i + 1)));
        }
        Failed f = assertInstanceOf(Failed.class, fetcher.fetch(site.url("/r0"), Validators.NONE));
        assertEquals(Reason.TOO_MANY_REDIRECTS, f.reason());
        assertEquals(FetchSettings.defaults().maxRedirects() + 1, site.requests().size());
    }

    @Test
    void aRedirectToAPrivateOrMetadataAddressIsRefusedBeforeAnyConnection() throws Exception {
        site.page("/to-private", Response.status(302, "Location", "http://10.0.0.5/admin"));
        site.page("/to-metadata", Response.status(302, "Location", "http://169.254.169.254/latest/meta-data/"));
        site.page("/to-loopback", Response.status(302, "Location", "http://127.0.0.2:" + site.url("").split(":")[2] + "/x"));
        for (String path : List.of("/to-private", "/to-metadata", "/to-loopback")) {
            Failed f = assertInstanceOf(Failed.class, fetcher.fetch(site.url(path), Validators.NONE), path);
            assertEquals(Reason.BLOCKED, f.reason(), f.message());
            assertFalse(f.retryable());
            assertTrue(f.message().contains("internal address") && f.message().contains("redirected from " + site.url(path)),
                    f.message());
        }
        assertEquals(List.of("127.0.0.1", "127.0.0.1", "127.0.0.1"), contacted);
    }

    @Test
    void aBlockedStartUrlIsNeverRequested() throws Exception {
        HttpFetcher strict = new HttpFetcher(FetchSettings.defaults(), TargetGuard.strict(), clock,
                (r, h) -> {
                    throw new AssertionError("sent " + r.uri());
                });
        Failed f = assertInstanceOf(Failed.class, strict.fetch(site.url("/a"), Validators.NONE));
        assertEquals(Reason.BLOCKED, f.reason());
    }

    @Test
    void anOversizeStreamIsCutOffAtTheLimitNotBuffered() throws Exception {
        long fiftyMegabytes = 50L * 1024 * 1024;
        AtomicLong written = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(1);
        site.rawRoute("/huge", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse up front
            byte[] chunk = "<p>大</p>".repeat(8 * 1024).getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = exchange.getResponseBody()) {
                while (written.get() < fiftyMegabytes) {
                    out.write(chunk);
                    written.addAndGet(chunk.length);
                }
            } finally {
                finished.countDown();
            }
        });
        HttpFetcher small = fetcher(FetchSettings.defaults().withMaxBodyBytes(1024 * 1024));
        Failed f = assertInstanceOf(Failed.class, small.fetch(site.url("/huge"), Validators.NONE));
        assertEquals(Reason.TOO_LARGE, f.reason());
        assertFalse(f.retryable());
        assertTrue(f.message().contains(site.url("/huge")) && f.message().contains("1048576"), f.message());
        assertTrue(finished.await(10, TimeUnit.SECONDS), "the server noticed the client left");
        assertTrue(written.get() < fiftyMegabytes, "stopped after " + written.get() + " bytes");
    }

    @Test
    void anOversizeContentLengthIsRefusedBeforeReading() throws Exception {
        site.page("/big", Response.ok("text/html", new byte[300 * 1024]));
        Failed f = assertInstanceOf(Failed.class,
                fetcher(FetchSettings.defaults().withMaxBodyBytes(100 * 1024)).fetch(site.url("/big"), Validators.NONE));
        assertEquals(Reason.TOO_LARGE, f.reason());
        assertTrue(f.message().contains("Content-Length 307200"), f.message());
    }

    @Test
    void gzipBodiesAreDecodedWithinTheLimit() throws Exception {
        byte[] page = "<p>压缩</p>".repeat(1000).getBytes(StandardCharsets.UTF_8);
        site.page("/z", Response.ok("text/html", gzip(page)).with("Content-Encoding", "gzip"));
        FetchResult.Fetched f = assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(site.url("/z"), Validators.NONE));
        assertArrayEquals(page, f.body());
        assertEquals("gzip", site.requests("/z").get(0).header("accept-encoding"));

        site.page("/bomb", Response.ok("text/html", gzip(new byte[5 * 1024 * 1024])).with("Content-Encoding", "gzip"));
        Failed bomb = assertInstanceOf(Failed.class,
                fetcher(FetchSettings.defaults().withMaxBodyBytes(1024 * 1024)).fetch(site.url("/bomb"), Validators.NONE));
        assertEquals(Reason.TOO_LARGE, bomb.reason());
    }

    @Test
    void aServerThatStallsTimesOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        site.rawRoute("/stall", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try {
            HttpFetcher impatient = fetcher(FetchSettings.defaults().withResponseTimeout(Duration.ofMillis(300)));
            Failed f = assertInstanceOf(Failed.class, impatient.fetch(site.url("/stall"), Validators.NONE));
            assertEquals(Reason.TIMEOUT, f.reason());
            assertTrue(f.retryable());
        } finally {
            release.countDown();
        }
    }

    @Test
    void retryAfterParsing() {
        assertEquals(Duration.ofSeconds(5), RetryAfter.parse(" 5 ", NOW));
        assertEquals(Duration.ZERO, RetryAfter.parse("Sun, 01 Mar 2026 07:00:00 GMT", NOW), "a date in the past");
        assertNull(RetryAfter.parse("soon", NOW));
        assertNull(RetryAfter.parse(null, NOW));
    }

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
