package io.newsctl.index.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.api.SecurityHeadersFilter;
import io.newsctl.embedded.NewsServersExtension;
import io.newsctl.embedded.ServerEndpoints;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The search API with authentication on: every role on every endpoint, the per-key rate limits
 * (429 with Retry-After), the UI's security headers, and no CORS.
 */
@ExtendWith(NewsServersExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchSecurityIT {
    private static final String READER = "reader-key-0123456789";
    private static final String ANALYST = "analyst-key-0123456789";
    private static final String ADMIN = "admin-key-0123456789";
    private static final String LIMITED = "limited-reader-key-0123";

    private SearchService service;

    @BeforeAll
    void start(ServerEndpoints servers) throws Exception {
        service = SearchService.start(servers, "security-it", 6, Map.of(
                "news.api.auth.enabled", true,
                "news.api.auth.reader-keys", List.of(READER, LIMITED),
                "news.api.auth.analyst-keys", List.of(ANALYST),
                // configured as its digest: the configuration need not hold the key
                "news.api.auth.admin-keys", List.of("sha256:" + java.util.HexFormat.of().formatHex(
                        io.newsctl.api.ApiKeyValidator.sha256(ADMIN))),
                "news.api.rate-limit.search-per-minute", 3,
                "news.api.rate-limit.export-per-minute", 1));
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void everyRoleOnEveryEndpoint() throws Exception {
        String id = service.articles.get(0).id();
        List<String> endpoints = List.of("/api/articles/" + id, "/api/articles/" + id + "/related", "/api/search?q=x",
                "/api/export?format=csv");
        Map<String, Integer> expected = new LinkedHashMap<>();
        expected.put(null, 401);
        expected.put("not-a-key", 401);
        expected.put(READER, 200);
        expected.put(ANALYST, 200);
        expected.put(ADMIN, 200);
        List<String> wrong = new ArrayList<>();
        for (String endpoint : endpoints) {
            for (Map.Entry<String, Integer> caller : expected.entrySet()) {
                int status = service.get(endpoint, caller.getKey()).statusCode();
                if (status != caller.getValue()) {
                    wrong.add(endpoint + " with " + caller.getKey() + ": " + status + ", expected " + caller.getValue());
                }
            }
        }
        assertEquals(List.of(), wrong);
        HttpRequest.Builder bearer = HttpRequest.newBuilder(URI.create(service.url("/api/search?q=y")))
                .header("Authorization", "Bearer " + READER);
        assertEquals(200, service.send(bearer).statusCode(), "a key also works as a bearer token");
        assertEquals(200, service.get("/", null).statusCode(), "the UI's files are public");
        assertEquals(200, service.get("/app.js", null).statusCode());
        assertEquals(200, service.get("/health", null).statusCode(), "probes need no key");
    }

    @Test
    void searchesAndExportsAreLimitedPerKeyWith429AndRetryAfter() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, service.get("/api/search?q=limit" + i, LIMITED).statusCode());
        }
        HttpResponse<String> limited = service.get("/api/search?q=limit", LIMITED);
        assertEquals(429, limited.statusCode(), limited.body());
        long retryAfter = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1 && retryAfter <= 20, "Retry-After " + retryAfter);
        assertTrue(limited.body().contains("too many search requests"), limited.body());
        assertEquals(200, service.get("/api/search?q=limit", ADMIN).statusCode(), "other keys are not affected");

        assertEquals(200, service.get("/api/export?format=jsonl", LIMITED).statusCode());
        HttpResponse<String> export = service.get("/api/export?format=jsonl", LIMITED);
        assertEquals(429, export.statusCode());
        assertTrue(Long.parseLong(export.headers().firstValue("Retry-After").orElseThrow()) >= 30);
    }

    @Test
    void theUiIsServedWithSecurityHeadersAndNoCors() throws Exception {
        HttpResponse<String> page = service.get("/", null);
        assertEquals(SecurityHeadersFilter.CONTENT_SECURITY_POLICY,
                page.headers().firstValue("Content-Security-Policy").orElseThrow());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElseThrow().contains("frame-ancestors 'none'"));
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElseThrow());
        assertEquals("no-referrer", page.headers().firstValue("Referrer-Policy").orElseThrow());
        assertFalse(page.body().contains("<script>"), "no inline script, so the CSP needs no 'unsafe-inline'");
        assertTrue(service.get("/api/search", null).headers().firstValue("X-Content-Type-Options").isPresent(),
                "on refusals too");

        HttpResponse<String> preflight = service.send(HttpRequest.newBuilder(URI.create(service.url("/api/search")))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "GET"));
        assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), preflight.headers().toString());
        HttpResponse<String> crossOrigin = service.send(HttpRequest.newBuilder(URI.create(service.url("/api/search")))
                .header("Origin", "https://evil.example").header("X-API-Key", ADMIN));
        assertTrue(crossOrigin.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }
}
