package io.newsctl.alert.webhook;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.newsctl.alert.Channel;
import io.newsctl.net.TargetGuard;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookSenderTest {
    private static final String SECRET = "receiver-shared-secret";
    private static final byte[] BODY = "{\"id\":\"a1\"}".getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private final ConcurrentLinkedQueue<Boolean> verified = new ConcurrentLinkedQueue<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final List<Integer> script = new ArrayList<>();
    private final List<Duration> waits = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = exchange.getRequestHeaders();
            verified.add(WebhookSignature.verify(SECRET, headers.getFirst(WebhookSignature.TIMESTAMP_HEADER), body,
                    headers.getFirst(WebhookSignature.SIGNATURE_HEADER), Instant.now(), Duration.ofMinutes(5))
                    && "a1".equals(headers.getFirst(WebhookSignature.ALERT_ID_HEADER)));
            int n = requests.getAndIncrement();
            int status;
            synchronized (script) {
                status = n < script.size() ? script.get(n) : script.get(script.size() - 1);
            }
            if (status == 429) {
                exchange.getResponseHeaders().add("Retry-After", "7");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook?token=t";
    }

    private WebhookSender sender(TargetGuard guard, int attempts) {
        return new WebhookSender(WebhookSender.defaultClient(), guard,
                new WebhookSender.Settings(attempts, Duration.ofMillis(100), Duration.ofSeconds(5),
                        Duration.ofSeconds(5)), Clock.systemUTC(), waits::add);
    }

    private WebhookSender.Outcome deliver(WebhookSender sender) throws InterruptedException {
        return sender.deliver(Channel.webhook(url(), SECRET), "a1", BODY);
    }

    private static final TargetGuard LOOPBACK = new TargetGuard(List.of("127.0.0.1/32"));

    @Test
    void aSignedDeliveryIsVerifiedByTheReceiver() throws Exception {
        script.add(204);
        WebhookSender.Outcome outcome = deliver(sender(LOOPBACK, 3));
        assertTrue(outcome.delivered());
        assertEquals(1, outcome.attempts());
        assertEquals(List.of(true), List.copyOf(verified));
        assertTrue(waits.isEmpty());
    }

    @Test
    void failuresAreRetriedWithGrowingCappedBackoffAndRetryAfter() throws Exception {
        script.addAll(List.of(500, 503, 429, 200));
        WebhookSender.Outcome outcome = deliver(sender(LOOPBACK, 5));
        assertTrue(outcome.delivered());
        assertEquals(4, outcome.attempts());
        assertEquals(List.of(true, true, true, true), List.copyOf(verified), "every attempt is signed afresh");
        assertEquals(3, waits.size());
        assertTrue(waits.get(0).toMillis() >= 50 && waits.get(0).toMillis() <= 100, waits.toString());
        assertTrue(waits.get(1).toMillis() >= 100 && waits.get(1).toMillis() <= 200, waits.toString());
        assertEquals(Duration.ofSeconds(5), waits.get(2), "Retry-After 7 s, capped at 5 s");
    }

    @Test
    void exhaustedDeliveriesSayWhy() throws Exception {
        script.add(502);
        WebhookSender.Outcome outcome = deliver(sender(LOOPBACK, 3));
        assertFalse(outcome.delivered());
        assertEquals(3, outcome.attempts());
        assertEquals(502, outcome.lastStatus());
        assertEquals("webhook-exhausted", outcome.errorType());
        assertTrue(outcome.reason().contains("HTTP 502"), outcome.reason());
        assertFalse(outcome.reason().contains("token"), "query strings may hold secrets: " + outcome.reason());
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        script.add(400);
        WebhookSender.Outcome outcome = deliver(sender(LOOPBACK, 5));
        assertEquals("webhook-rejected", outcome.errorType());
        assertEquals(1, requests.get());
    }

    @Test
    void blockedTargetsAreNeverContacted() throws Exception {
        script.add(200);
        WebhookSender.Outcome outcome = deliver(sender(TargetGuard.strict(), 5));
        assertEquals("webhook-blocked", outcome.errorType());
        assertEquals(0, requests.get());
    }

    @Test
    void loopbackPrivateAndMetadataTargetsAreRefusedUnlessAllowed() throws Exception {
        for (String target : List.of(url(), "http://10.0.0.1/hook", "http://169.254.169.254/latest/meta-data")) {
            WebhookSender.Outcome outcome = sender(TargetGuard.strict(), 5)
                    .deliver(Channel.webhook(target, SECRET), "a1", BODY);
            assertFalse(outcome.delivered(), target);
            assertEquals("webhook-blocked", outcome.errorType(), target);
        }
        assertEquals(0, requests.get());
        script.add(204);
        assertTrue(deliver(sender(LOOPBACK, 1)).delivered(), "allowed explicitly (127.0.0.1/32), it is delivered");
    }

    @Test
    void connectionFailuresAreRetried() throws Exception {
        int port = server.getAddress().getPort();
        server.stop(0);
        WebhookSender.Outcome outcome = sender(LOOPBACK, 2).deliver(
                Channel.webhook("http://127.0.0.1:" + port + "/hook", SECRET), "a1", BODY);
        assertEquals("webhook-exhausted", outcome.errorType());
        assertEquals(2, outcome.attempts());
        assertArrayEquals(new Object[] {}, verified.toArray());
    }
}
