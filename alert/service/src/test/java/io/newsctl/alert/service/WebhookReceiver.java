package io.newsctl.alert.service;

import com.sun.net.httpserver.HttpServer;
import io.newsctl.alert.webhook.WebhookSignature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;

/**
 * A webhook endpoint on 127.0.0.1 as an analyst's system would run it: it verifies every
 * delivery's signature over the raw body, and answers what the test scripts (by attempt number).
 */
final class WebhookReceiver implements AutoCloseable {
    /** One request received: its alert id, attempt header, and whether the signature verified. */
    record Received(String alertId, int attempt, boolean signatureValid, byte[] body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    WebhookReceiver(String secret, IntUnaryOperator statusForRequestNumber) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            var headers = exchange.getRequestHeaders();
            boolean valid = WebhookSignature.verify(secret, headers.getFirst(WebhookSignature.TIMESTAMP_HEADER), body,
                    headers.getFirst(WebhookSignature.SIGNATURE_HEADER), Instant.now(), Duration.ofMinutes(5));
            String attempt = headers.getFirst(WebhookSignature.ATTEMPT_HEADER);
            received.add(new Received(headers.getFirst(WebhookSignature.ALERT_ID_HEADER),
                    attempt == null ? 0 : Integer.parseInt(attempt), valid, body));
            int status = valid ? statusForRequestNumber.applyAsInt(received.size()) : 401;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
