package io.newsctl.alert.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How deliveries are signed, and how a receiver checks them. The sender puts the Unix time in
 * {@value #TIMESTAMP_HEADER} and {@code sha256=<hex>} in {@value #SIGNATURE_HEADER}, the HMAC-SHA256
 * under the shared secret of {@code <timestamp> + "." + <raw body>}. A receiver recomputes it over
 * the raw bytes it received, compares in constant time, and refuses timestamps outside its
 * tolerance (5 minutes is usual) so a captured delivery cannot be replayed later.
 */
public final class WebhookSignature {
    public static final String SIGNATURE_HEADER = "X-Newsctl-Signature";
    public static final String TIMESTAMP_HEADER = "X-Newsctl-Timestamp";
    public static final String ALERT_ID_HEADER = "X-Newsctl-Alert-Id";
    public static final String ATTEMPT_HEADER = "X-Newsctl-Attempt";
    private static final String PREFIX = "sha256=";

    private WebhookSignature() {
    }

    public static String sign(String secret, long timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(Long.toString(timestamp).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    /** The receiver's check: signature matches and the timestamp is within {@code tolerance} of {@code now}. */
    public static boolean verify(String secret, String timestampHeader, byte[] body, String signatureHeader,
                                 Instant now, Duration tolerance) {
        if (secret == null || timestampHeader == null || signatureHeader == null || body == null) {
            return false;
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - timestamp) > tolerance.toSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signatureHeader.strip().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
