package io.newsctl.ingest.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A web site on 127.0.0.1 serving fixtures, recording every request with the time of a (possibly
 * fake) clock. Paths answer from a route, or 404.
 */
public final class FixtureSite implements AutoCloseable {

    /** A request as the site saw it; header names in lower case. */
    public record Request(String path, Map<String, String> headers, Instant at) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A response to send. */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        public static Response ok(String contentType, byte[] body) {
            return new Response(200, Map.of("Content-Type", contentType), body);
        }

        public static Response html(String html) {
            return ok("text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
        }

        public static Response status(int status, String... headerPairs) {
            Map<String, String> h = new TreeMap<>();
            for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                h.put(headerPairs[i], headerPairs[i + 1]);
            }
            return new Response(status, h, new byte[0]);
        }

        public Response with(String header, String value) {
            Map<String, String> h = new TreeMap<>(headers);
            h.put(header, value);
            return new Response(status, h, body);
        }
    }

    /** A handler that writes the response itself (e.g. a stream that never ends). */
    @FunctionalInterface
    public interface RawHandler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(4);
    private final Clock clock;
    private final Map<String, Function<Request, Response>> routes = new ConcurrentHashMap<>();
    private final Map<String, RawHandler> raw = new ConcurrentHashMap<>();
    private final Deque<Request> log = new ConcurrentLinkedDeque<>();

    private FixtureSite(Clock clock) throws IOException {
        this.clock = clock;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FixtureSite start(Clock clock) throws IOException {
        return new FixtureSite(clock);
    }

    public String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public String url(String path) {
        return base() + path;
    }

    public FixtureSite route(String path, Function<Request, Response> handler) {
        routes.put(path, handler);
        return this;
    }

    public FixtureSite page(String path, Response response) {
        return route(path, r -> response);
    }

    /** Answers with the responses in turn; the last one repeats. */
    public FixtureSite sequence(String path, Response... responses) {
        int[] next = {0};
        return route(path, r -> {
            synchronized (next) {
                Response resp = responses[Math.min(next[0], responses.length - 1)];
                next[0]++;
                return resp;
            }
        });
    }

    public FixtureSite rawRoute(String path, RawHandler handler) {
        raw.put(path, handler);
        return this;
    }

    public List<Request> requests() {
        return new ArrayList<>(log);
    }

    public List<Request> requests(String path) {
        return log.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        if (exchange.getRequestURI().getRawQuery() != null) {
            path += "?" + exchange.getRequestURI().getRawQuery();
        }
        Map<String, String> headers = new TreeMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
        Request request = new Request(path, headers, clock.instant());
        log.add(request);
        try (exchange) {
            RawHandler rawHandler = raw.get(path);
            if (rawHandler != null) {
                rawHandler.handle(exchange);
                return;
            }
            Function<Request, Response> route = routes.get(path);
            Response response = route == null ? Response.status(404) : route.apply(request);
            response.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
            boolean noBody = response.body().length == 0 || response.status() == 304;
            exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
            if (!noBody) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(response.body());
                }
            }
        } catch (IOException e) {
            // the client went away (e.g. it stopped reading an oversize body)
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
