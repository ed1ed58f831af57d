package io.newsctl.alert.webhook;

import io.newsctl.alert.Channel;
import io.newsctl.net.BlockedTargetException;
import io.newsctl.net.TargetGuard;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one alert to one webhook: a signed POST (see {@link WebhookSignature}), retried with
 * capped exponential back-off and jitter on network errors, timeouts, 408, 425, 429 and 5xx
 * ({@code Retry-After} is honoured up to the cap). Other answers are final: 2xx delivered; 3xx (redirects
 * are never followed, they could lead inside the network) and other 4xx rejected. The target is
 * checked by the {@link TargetGuard} before every attempt.
 */
public final class WebhookSender {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);

    /**
     * @param maxAttempts     attempts in all, the first included
     * @param initialBackoff  wait after the first failure
     * @param maxBackoff      cap of the exponential back-off (and of Retry-After)
     * @param requestTimeout  time allowed for one attempt's response
     */
    public record Settings(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration requestTimeout) {
        public Settings {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be ≥ 1");
            }
            if (maxBackoff.compareTo(initialBackoff) < 0) {
                throw new IllegalArgumentException("maxBackoff must be ≥ initialBackoff");
            }
        }

        public static Settings defaults() {
            return new Settings(6, Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(10));
        }
    }

    /**
     * How a delivery ended.
     *
     * @param delivered  true when the receiver answered 2xx
     * @param attempts   attempts made
     * @param lastStatus HTTP status of the last answer, 0 when there was none
     * @param errorType  {@code webhook-exhausted}, {@code webhook-rejected} or {@code webhook-blocked}; null when delivered
     * @param reason     what went wrong, for the dead-letter headers and logs
     */
    public record Outcome(boolean delivered, int attempts, int lastStatus, String errorType, String reason) {
    }

    /** Waits between attempts; tests and shutdown can interrupt it. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private record Attempt(boolean delivered, boolean retry, int status, String error, Duration retryAfter) {
    }

    private final HttpClient client;
    private final TargetGuard guard;
    private final Settings settings;
    private final Clock clock;
    private final Sleeper sleeper;

    public WebhookSender(HttpClient client, TargetGuard guard, Settings settings, Clock clock, Sleeper sleeper) {
        this.client = client;
        this.guard = guard;
        this.settings = settings;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    public static WebhookSender create(TargetGuard guard, Settings settings) {
        return new WebhookSender(defaultClient(), guard, settings, Clock.systemUTC(),
                d -> Thread.sleep(d.toMillis()));
    }

    public Outcome deliver(Channel channel, String alertId, byte[] body) throws InterruptedException {
        URI uri;
        try {
            uri = new URI(channel.url());
        } catch (URISyntaxException e) {
            return new Outcome(false, 0, 0, "webhook-blocked", "bad URL: " + e.getReason());
        }
        Attempt last = null;
        int attempt = 0;
        while (attempt < settings.maxAttempts()) {
            attempt++;
            try {
                guard.resolve(uri);
                last = post(uri, channel.secret(), alertId, body, attempt);
            } catch (BlockedTargetException e) {
                if (!e.mayPass()) {
                    return new Outcome(false, attempt, 0, "webhook-blocked", describe(uri) + ": " + e.getMessage());
                }
                last = new Attempt(false, true, 0, e.getMessage(), null);
            }
            if (last.delivered()) {
                return new Outcome(true, attempt, last.status(), null, null);
            }
            if (!last.retry()) {
                return new Outcome(false, attempt, last.status(), "webhook-rejected",
                        describe(uri) + " answered " + last.status() + "; not retried");
            }
            if (attempt < settings.maxAttempts()) {
                Duration wait = backoff(attempt - 1, last.retryAfter());
                LOG.info("webhook {} attempt {} for alert {} failed ({}); retrying in {} ms", describe(uri), attempt,
                        alertId, last.error() != null ? last.error() : "HTTP " + last.status(), wait.toMillis());
                sleeper.sleep(wait);
            }
        }
        String what = last.error() != null ? last.error() : "HTTP " + last.status();
        return new Outcome(false, attempt, last.status(), "webhook-exhausted",
                describe(uri) + " failed " + attempt + " times; last: " + what);
    }

    private Attempt post(URI uri, String secret, String alertId, byte[] body, int attempt)
            throws InterruptedException {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.requestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "newsctl-alert")
                .header(WebhookSignature.ALERT_ID_HEADER, alertId)
                .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body))
                .header(WebhookSignature.ATTEMPT_HEADER, Integer.toString(attempt))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        HttpResponse<Void> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            return new Attempt(false, true, 0, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), null);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return new Attempt(true, false, status, null, null);
        }
        boolean retry = status == 408 || status == 425 || status == 429 || status >= 500;
        return new Attempt(false, retry, status, null, retryAfter(response));
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isEmpty()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.get().strip())));
        } catch (NumberFormatException e) {
            return null; // an HTTP date: fall back to our own back-off
        }
    }

    Duration backoff(int retry, Duration retryAfter) {
        long cap = settings.maxBackoff().toMillis();
        if (retryAfter != null) {
            return Duration.ofMillis(Math.min(cap, retryAfter.toMillis()));
        }
        long exponential = settings.initialBackoff().toMillis() << Math.min(retry, 20);
        long ceiling = Math.min(cap, exponential <= 0 ? cap : exponential);
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /** The URL without query and credentials: safe for logs and dead-letter headers. */
    public static String describe(URI uri) {
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return uri.getScheme() + "://" + uri.getHost() + port + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
