package io.newsctl.index.service;

import static io.newsctl.index.service.SearchService.enc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsctl.embedded.NewsServersExtension;
import io.newsctl.embedded.ServerEndpoints;
import io.newsctl.model.EntityType;
import io.newsctl.model.ModelJson;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;

/** The HTTP API of the index service: parameters, errors, paging, export, the UI and its description. */
@ExtendWith(NewsServersExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchApiIT {
    private SearchService service;

    @BeforeAll
    void start(ServerEndpoints servers) throws Exception {
        service = SearchService.start(servers, "api-it", 150);
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void badParametersAre400sWithAMessage() throws Exception {
        for (String query : List.of("size=0", "size=101", "size=ten", "from=yesterday", "to=2025-13-01",
                "from=2025-02-01&to=2025-01-01", "sort=sideways", "collapse=maybe", "facets=companies,bogus",
                "after=not-a-cursor", "figure=" + enc("营收>>10亿"), "figure=" + enc("营收>=10亿XYZW"),
                "figure=" + enc(">=5"), "q=" + enc("-寒武纪"), "q=" + "字".repeat(501),
                "company=" + "x".repeat(101))) {
            HttpResponse<String> response = service.get("/api/search?" + query);
            assertEquals(400, response.statusCode(), query + " → " + response.body());
            assertFalse(json(response).path("error").asText().isBlank(), response.body());
        }
        assertEquals(400, service.get("/api/articles/not-an-id").statusCode());
        assertEquals(404, service.get("/api/articles/" + "0".repeat(32)).statusCode());
        assertEquals(400, service.get("/api/export?format=xlsx").statusCode());
        assertEquals(400, service.get("/api/articles/" + service.articles.get(0).id() + "/related?size=99").statusCode());
    }

    @Test
    void queryLanguageOfTheEngineIsJustText() throws Exception {
        for (String q : List.of("title:英伟达", "body:* AND (a OR b)", "{\"match_all\":{}}", "\\\\", "英伟达^100 ~2",
                "\"未闭合", "[2020 TO 2030]", "<script>alert(1)</script>")) {
            HttpResponse<String> response = service.get("/api/search?q=" + enc(q));
            assertEquals(200, response.statusCode(), q + " → " + response.body());
        }
        assertEquals(0, json(service.get("/api/search?q=" + enc("title:英伟达"))).path("total").asLong());
    }

    @Test
    void filtersByNameOrIdAndFigure() throws Exception {
        long byName = json(service.get("/api/search?collapse=false&company=" + enc("英伟达"))).path("total").asLong();
        long byId = json(service.get("/api/search?collapse=false&company=nvidia")).path("total").asLong();
        long expected = service.articles.stream().filter(a -> a.entities().stream()
                .anyMatch(e -> e.type() == EntityType.COMPANY && e.canonical().equals("英伟达"))).count();
        assertEquals(expected, byName);
        assertEquals(expected, byId);
        JsonNode figures = json(service.get("/api/search?collapse=false&figure=" + enc("营收>=100亿元")
                + "&figure=" + enc("营收<=8000亿元")));
        assertTrue(figures.path("total").asLong() > 0, figures.toString());
    }

    @Test
    void pagesFollowTheNextCursorToTheEnd() throws Exception {
        for (String mode : List.of("collapse=false&sort=date", "collapse=true")) {
            Set<String> ids = new HashSet<>();
            JsonNode page = json(service.get("/api/search?size=13&" + mode));
            long expected = mode.startsWith("collapse=false") ? page.path("total").asLong() : page.path("stories").asLong();
            int pages = 1;
            page.path("hits").forEach(h -> ids.add(h.path("id").asText()));
            while (page.hasNonNull("next") && pages < 100) {
                page = json(service.get("/api/search?size=13&" + mode + "&after=" + enc(page.path("next").asText())));
                page.path("hits").forEach(h -> ids.add(h.path("id").asText()));
                pages++;
            }
            assertEquals(expected, ids.size(), mode);
            assertTrue(pages > 1, mode);
        }
    }

    @Test
    void csvAndJsonLinesExportsAreAttachmentsWithEveryMatch() throws Exception {
        String filter = "company=" + enc("华为");
        long total = json(service.get("/api/search?collapse=false&" + filter)).path("total").asLong();
        HttpResponse<String> csv = service.get("/api/export?format=csv&" + filter);
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("content-type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("content-disposition").orElse("").contains("attachment"));
        List<String> rows = csv.body().lines().toList();
        assertEquals(total + 1, rows.size());
        assertTrue(rows.get(0).contains("published_at"));

        HttpResponse<String> jsonl = service.get("/api/export?format=jsonl&" + filter);
        assertEquals(200, jsonl.statusCode());
        List<JsonNode> lines = new ArrayList<>();
        for (String line : jsonl.body().lines().toList()) {
            lines.add(ModelJson.mapper().readTree(line));
        }
        assertEquals(total, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.path("companies").toString().contains("华为")));
    }

    @Test
    void articleAndRelatedArticles() throws Exception {
        String id = service.articles.get(2).id();
        JsonNode article = json(service.get("/api/articles/" + id));
        assertEquals(service.articles.get(2).article().title(), article.path("title").asText());
        JsonNode related = json(service.get("/api/articles/" + id + "/related?size=3"));
        assertEquals(3, related.path("hits").size());
    }

    @Test
    void theUiIsServedAtTheRootAndTheApiIsDescribed() throws Exception {
        HttpResponse<String> page = service.get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("id=\"q\""), page.body());
        assertEquals(200, service.get("/app.js").statusCode());

        HttpResponse<String> spec = service.get("/openapi.yml");
        assertEquals(200, spec.statusCode());
        Map<String, Object> openapi = new Yaml().load(spec.body());
        @SuppressWarnings("unchecked")
        Map<String, Object> paths = (Map<String, Object>) openapi.get("paths");
        assertEquals(Set.of("/api/search", "/api/export", "/api/articles/{id}", "/api/articles/{id}/related"),
                paths.keySet());
        for (String parameter : List.of("company", "chip", "person", "site", "source", "tag", "figure", "from", "to",
                "sort", "size", "after", "collapse", "facets")) {
            assertTrue(spec.body().contains("name: " + parameter), parameter + " documented");
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return ModelJson.mapper().readTree(response.body());
    }
}
