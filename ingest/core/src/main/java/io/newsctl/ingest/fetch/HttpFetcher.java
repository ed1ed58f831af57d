package io.newsctl.ingest.fetch;

import io.newsctl.ingest.fetch.FetchResult.Failed;
import io.newsctl.ingest.fetch.FetchResult.Reason;
import io.newsctl.net.BlockedTargetException;
import io.newsctl.net.TargetGuard;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

/**
 * One polite, bounded HTTP GET with the JDK client: redirects are followed here, not by the client,
 * so every hop passes the SSRF {@link TargetGuard} first and the hops are bounded and loop-checked;
 * the body streams into a bounded buffer and the connection is dropped past the size limit; the
 * whole response must arrive within the response timeout; stored validators go out as
 * {@code If-None-Match} / {@code If-Modified-Since}. Never throws for network or server trouble:
 * the outcome is a {@link FetchResult}. Thread-safe.
 */
public final class HttpFetcher {

    /** Sends one request (the JDK client; tests may wrap it to watch what goes out). */
    @FunctionalInterface
    public interface Transport {
        CompletableFuture<HttpResponse<byte[]>> send(HttpRequest request, HttpResponse.BodyHandler<byte[]> handler);
    }

    /** Bodies of redirects and error responses are read up to this much, then dropped. */
    private static final long OTHER_BODY_MAX = 64 * 1024;
    private static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,"
            + "application/rss+xml;q=0.9,application/atom+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5";

    private final FetchSettings settings;
    private final TargetGuard guard;
    private final Clock clock;
    private final Transport transport;

    public HttpFetcher(FetchSettings settings, TargetGuard guard, Clock clock) {
        this(settings, guard, clock, jdkTransport(settings));
    }

    public HttpFetcher(FetchSettings settings, TargetGuard guard, Clock clock, Transport transport) {
        this.settings = settings;
        this.guard = guard;
        this.clock = clock;
        this.transport = transport;
    }

    /** The JDK client as the crawler needs it: no redirects of its own, HTTP/1.1, a connect timeout. */
    public static Transport jdkTransport(FetchSettings settings) {
        HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .build();
        return client::sendAsync;
    }

    public FetchSettings settings() {
        return settings;
    }

    /** GET {@code url} with the configured body limit. */
    public FetchResult fetch(String url, Validators validators) throws InterruptedException {
        return fetch(url, validators, settings.maxBodyBytes());
    }

    /** GET {@code url}, keeping at most {@code maxBody} bytes of the body. */
    public FetchResult fetch(String url, Validators validators, long maxBody) throws InterruptedException {
        URI uri = parse(url);
        if (uri == null) {
            return new Failed(url, url, Reason.BAD_URL, 0, false, null, "not fetched: " + url + " is not an http(s) URL");
        }
        List<String> redirects = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        seen.add(uri.toString());
        while (true) {
            String from = redirects.isEmpty() ? "" : " (redirected from " + url + ")";
            try {
                guard.resolve(uri);
            } catch (BlockedTargetException e) {
                Reason reason = e.mayPass() ? Reason.DNS : Reason.BLOCKED;
                return new Failed(url, uri.toString(), reason, 0, e.mayPass(), null,
                        "not fetched: " + uri + from + ": " + e.getMessage());
            }
            HttpRequest request = request(uri, redirects.isEmpty() ? validators : Validators.NONE);
            HttpResponse<byte[]> response;
            CompletableFuture<HttpResponse<byte[]>> pending = transport.send(request,
                    BoundedBody.handler(maxBody, OTHER_BODY_MAX));
            try {
                response = pending.get(settings.responseTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                pending.cancel(true);
                return new Failed(url, uri.toString(), Reason.TIMEOUT, 0, true, null, "GET " + uri + from
                        + ": no complete response within " + settings.responseTimeout().toMillis() + " ms");
            } catch (InterruptedException e) {
                pending.cancel(true);
                throw e;
            } catch (ExecutionException e) {
                return failure(url, uri, from, e.getCause());
            }
            int status = response.statusCode();
            if (isRedirect(status)) {
                Optional<String> location = response.headers().firstValue("location");
                URI next = location.map(l -> resolve(response.uri(), l)).orElse(null);
                if (next == null) {
                    return new Failed(url, uri.toString(), Reason.BAD_URL, status, false, null, "GET " + uri + from
                            + ": HTTP " + status + " redirect with " + (location.isEmpty() ? "no Location"
                            : "an unusable Location '" + location.get() + "'"));
                }
                redirects.add(next.toString());
                if (!seen.add(next.toString())) {
                    return new Failed(url, next.toString(), Reason.REDIRECT_LOOP, status, false, null,
                            "GET " + url + ": redirect loop back to " + next + " after " + redirects.size() + " redirects");
                }
                if (redirects.size() > settings.maxRedirects()) {
                    return new Failed(url, next.toString(), Reason.TOO_MANY_REDIRECTS, status, false, null,
                            "GET " + url + ": more than " + settings.maxRedirects() + " redirects (last to " + next + ")");
                }
                uri = next;
                continue;
            }
            if (status == 304) {
                return new FetchResult.NotModified(url, uri.toString());
            }
            if (status == 200 || status == 203) {
                return fetched(url, uri, from, response, redirects, maxBody);
            }
            boolean retryable = status == 408 || status == 425 || status == 429 || status >= 500;
            Duration retryAfter = status == 429 || status == 503
                    ? RetryAfter.parse(response.headers().firstValue("retry-after").orElse(null), clock.instant())
                    : null;
            return new Failed(url, uri.toString(), Reason.HTTP_STATUS, status, retryable, retryAfter, "GET " + uri + from
                    + ": HTTP " + status + (retryAfter == null ? "" : " (Retry-After " + retryAfter.toSeconds() + " s)"));
        }
    }

    private HttpRequest request(URI uri, Validators validators) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET()
                .timeout(settings.responseTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Language", "zh-CN,zh;q=0.9,zh-TW;q=0.8,en;q=0.5")
                .header("Accept-Encoding", "gzip");
        if (validators != null && headerSafe(validators.etag())) {
            b.header("If-None-Match", validators.etag());
        }
        if (validators != null && headerSafe(validators.lastModified())) {
            b.header("If-Modified-Since", validators.lastModified());
        }
        return b.build();
    }

    private static FetchResult fetched(String url, URI uri, String from, HttpResponse<byte[]> response,
                                       List<String> redirects, long maxBody) {
        HttpHeaders headers = response.headers();
        byte[] body = response.body();
        String encoding = headers.firstValue("content-encoding").orElse("identity").strip().toLowerCase(Locale.ROOT);
        try {
            body = switch (encoding) {
                case "", "identity" -> body;
                case "gzip", "x-gzip" -> gunzip(body, maxBody);
                default -> throw new IOException("unsupported Content-Encoding '" + encoding + "'");
            };
        } catch (BoundedBody.TooLargeException e) {
            return new Failed(url, uri.toString(), Reason.TOO_LARGE, 200, false, null,
                    "GET " + uri + from + ": decompressed " + e.getMessage());
        } catch (IOException e) {
            return new Failed(url, uri.toString(), Reason.BAD_RESPONSE, 200, false, null,
                    "GET " + uri + from + ": unreadable body: " + e.getMessage());
        }
        return new FetchResult.Fetched(url, uri.toString(), headers.firstValue("content-type").orElse(null), body,
                headers.firstValue("etag").orElse(null), headers.firstValue("last-modified").orElse(null), redirects);
    }

    private static Failed failure(String url, URI uri, String from, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof BoundedBody.TooLargeException tooLarge) {
                return new Failed(url, uri.toString(), Reason.TOO_LARGE, 200, false, null,
                        "GET " + uri + from + ": " + tooLarge.getMessage());
            }
        }
        String what = cause == null ? "unknown error" : cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
        if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
            return new Failed(url, uri.toString(), Reason.TIMEOUT, 0, true, null, "GET " + uri + from + ": " + what);
        }
        if (cause instanceof IllegalArgumentException) {
            return new Failed(url, uri.toString(), Reason.BAD_URL, 0, false, null, "GET " + uri + from + ": " + what);
        }
        if (cause instanceof ConnectException || cause instanceof IOException) {
            return new Failed(url, uri.toString(), Reason.CONNECT, 0, true, null, "GET " + uri + from + ": " + what);
        }
        return new Failed(url, uri.toString(), Reason.BAD_RESPONSE, 0, true, null, "GET " + uri + from + ": " + what);
    }

    static byte[] gunzip(byte[] data, long max) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(data.length * 4, 1 << 20));
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (out.size() + (long) n > max) {
                    throw new BoundedBody.TooLargeException(max, -1);
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        }
    }

    /** A stored validator fit to send back (a server's odd bytes must not break the request). */
    private static boolean headerSafe(String value) {
        return value != null && !value.isBlank() && value.length() <= 1024
                && value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** An absolute http(s) URI without fragment, or null. */
    static URI parse(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url.strip());
            return usable(uri) ? withoutFragment(uri) : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static URI resolve(URI base, String location) {
        try {
            URI target = base.resolve(new URI(location.strip().replace(" ", "%20")));
            return usable(target) ? withoutFragment(target) : null;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean usable(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    }

    private static URI withoutFragment(URI uri) {
        String s = uri.toString();
        int hash = s.indexOf('#');
        return hash < 0 ? uri : URI.create(s.substring(0, hash));
    }
}
