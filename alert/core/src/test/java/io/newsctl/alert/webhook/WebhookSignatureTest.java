package io.newsctl.alert.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final String SECRET = "a-shared-secret-of-some-length";
    private static final byte[] BODY = "{\"id\":\"abc\",\"title\":\"H20出口解禁\"}".getBytes(StandardCharsets.UTF_8);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    @Test
    void theSignatureIsHmacSha256OfTimestampDotBody() throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] expected = mac.doFinal(("1700000000." + new String(BODY, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        assertEquals("sha256=" + java.util.HexFormat.of().formatHex(expected),
                WebhookSignature.sign(SECRET, 1_700_000_000L, BODY));
    }

    @Test
    void aReceiverAcceptsTheGenuineDeliveryOnly() {
        Instant now = Instant.now();
        long ts = now.getEpochSecond();
        String signature = WebhookSignature.sign(SECRET, ts, BODY);
        assertTrue(signature.startsWith("sha256="));
        assertTrue(WebhookSignature.verify(SECRET, Long.toString(ts), BODY, signature, now, TOLERANCE));

        byte[] tampered = BODY.clone();
        tampered[2] ^= 1;
        assertFalse(WebhookSignature.verify(SECRET, Long.toString(ts), tampered, signature, now, TOLERANCE));
        assertFalse(WebhookSignature.verify("another-secret-entirely", Long.toString(ts), BODY, signature, now,
                TOLERANCE));
        assertFalse(WebhookSignature.verify(SECRET, Long.toString(ts + 1), BODY, signature, now, TOLERANCE),
                "the timestamp is signed too");
        assertFalse(WebhookSignature.verify(SECRET, Long.toString(ts), BODY, signature, now.plusSeconds(301),
                TOLERANCE), "a replay after the tolerance is refused");
        assertFalse(WebhookSignature.verify(SECRET, "soon", BODY, signature, now, TOLERANCE));
    }
}
