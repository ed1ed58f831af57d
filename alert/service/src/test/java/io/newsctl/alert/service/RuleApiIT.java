package io.newsctl.alert.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsctl.alert.TestArticles;
import io.newsctl.embedded.NewsServersExtension;
import io.newsctl.embedded.ServerEndpoints;
import io.newsctl.model.ModelJson;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rule management over HTTP against a real broker: auth, validation, CRUD, test, persistence. */
@ExtendWith(NewsServersExtension.class)
class RuleApiIT {
    private static final String KEY = AlertService.ANALYST_KEY;

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return ModelJson.mapper().readTree(response.body());
    }

    @Test
    void managementNeedsAnAnalystKey(ServerEndpoints servers) {
        try (AlertService alert = AlertService.start(servers, Map.of())) {
            assertEquals(401, alert.get("/api/alert-rules", null).statusCode());
            assertEquals(401, alert.get("/api/alert-rules", "not-a-key").statusCode());
            assertEquals(401, alert.post("/api/alert-rules", "{}", null).statusCode());
            assertEquals(403, alert.get("/api/alert-rules", AlertService.VIEWER_KEY).statusCode(),
                    "a viewer key (configured as its sha256) reads alerts but does not manage rules");
            assertEquals(200, alert.get("/api/alerts", AlertService.VIEWER_KEY).statusCode());
            assertEquals(401, alert.get("/api/alerts", null).statusCode());
            assertEquals(200, alert.get("/api/alert-rules", KEY).statusCode());
            assertEquals(200, alert.get("/health", null).statusCode(), "health stays open for probes");
        }
    }

    @Test
    void analystsManageOnlyTheirOwnRulesAndAdminsEveryRule(ServerEndpoints servers) throws Exception {
        String id = "it-owned-" + UUID.randomUUID().toString().substring(0, 8);
        String other = AlertService.OTHER_ANALYST_KEY;
        try (AlertService alert = AlertService.start(servers, Map.of())) {
            HttpResponse<String> created = alert.post("/api/alert-rules",
                    "{\"id\": \"" + id + "\", \"name\": \"mine\", \"query\": \"芯片\"}", KEY);
            assertEquals(201, created.statusCode(), created.body());
            assertTrue(json(created).get("owner").asText().startsWith("key-"), created.body());
            assertEquals(400, alert.post("/api/alert-rules", "{\"name\": \"x\", \"query\": \"y\", \"owner\": \"z\"}",
                    KEY).statusCode(), "the owner is not the caller's to choose");

            assertEquals(404, alert.get("/api/alert-rules/" + id, other).statusCode());
            assertEquals(404, alert.put("/api/alert-rules/" + id, "{\"name\": \"theirs\", \"query\": \"芯片\"}", other)
                    .statusCode());
            assertEquals(404, alert.delete("/api/alert-rules/" + id, other).statusCode());
            assertFalse(alert.get("/api/alert-rules", other).body().contains(id));

            assertTrue(alert.get("/api/alert-rules", AlertService.ADMIN_KEY).body().contains(id));
            HttpResponse<String> renamed = alert.put("/api/alert-rules/" + id,
                    "{\"name\": \"by admin\", \"query\": \"芯片\"}", AlertService.ADMIN_KEY);
            assertEquals(200, renamed.statusCode(), renamed.body());
            assertEquals(json(created).get("owner"), json(renamed).get("owner"), "an admin's edit keeps the owner");
            assertEquals(200, alert.get("/api/alert-rules/" + id, KEY).statusCode());
            assertEquals(204, alert.delete("/api/alert-rules/" + id, AlertService.ADMIN_KEY).statusCode());

            String huge = "{\"name\": \"" + "长".repeat(100_000) + "\", \"query\": \"x\"}";
            assertEquals(413, alert.post("/api/alert-rules", huge, KEY).statusCode(), "bodies are bounded");
        }
    }

    @Test
    void invalidRulesGetA400SayingWhatIsWrong(ServerEndpoints servers) throws Exception {
        try (AlertService alert = AlertService.start(servers, Map.of())) {
            HttpResponse<String> response = alert.post("/api/alert-rules", """
                    {"name": "", "query": "-手机", "dedupWindow": "fortnight",
                     "channels": [{"type": "webhook", "url": "http://169.254.169.254/latest", "secret": "short"}]}
                    """, KEY);
            assertEquals(400, response.statusCode());
            Set<String> fields = new HashSet<>();
            json(response).get("problems").forEach(p -> fields.add(p.get("field").asText()));
            assertEquals(Set.of("name", "query", "dedupWindow", "channels[0].url", "channels[0].secret"), fields);

            response = alert.post("/api/alert-rules", "{\"name\": \"x\", \"quary\": \"芯片\"}", KEY);
            assertEquals(400, response.statusCode());
            assertEquals("quary", json(response).get("problems").get(0).get("field").asText());

            assertEquals(400, alert.post("/api/alert-rules", "{not json", KEY).statusCode());
        }
    }

    @Test
    void rulesAreCreatedListedUpdatedTestedDeletedAndSurviveARestart(ServerEndpoints servers) throws Exception {
        String id = "it-crud-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "webhook-secret-0123456789";
        try (AlertService alert = AlertService.start(servers, Map.of())) {
            HttpResponse<String> created = alert.post("/api/alert-rules", """
                    {"id": "%s", "name": "H20 / MI308 export policy", "query": "出口 OR 许可",
                     "filters": {"tags": ["export-policy"], "chips": ["H20", "MI308"]},
                     "dedupWindow": "12h",
                     "channels": [{"type": "webhook", "url": "https://hooks.example.com/newsctl", "secret": "%s"}]}
                    """.formatted(id, secret), KEY);
            assertEquals(201, created.statusCode(), created.body());
            assertEquals("/api/alert-rules/" + id, created.headers().firstValue("Location").orElseThrow());
            JsonNode rule = json(created);
            assertEquals(1, rule.get("version").asInt());
            assertEquals("PT12H", rule.get("dedupWindow").asText());
            assertTrue(rule.get("channels").get(0).get("hasSecret").asBoolean());
            assertFalse(created.body().contains(secret), "secrets are never shown");

            assertEquals(409, alert.post("/api/alert-rules", "{\"id\":\"" + id + "\",\"name\":\"again\",\"query\":\"x\"}",
                    KEY).statusCode());

            JsonNode listed = json(alert.get("/api/alert-rules", KEY));
            boolean found = false;
            for (JsonNode r : listed.get("rules")) {
                found |= r.get("id").asText().equals(id);
            }
            assertTrue(found);

            HttpResponse<String> matched = alert.post("/api/alert-rules/" + id + "/test",
                    ModelJson.encodeToString(TestArticles.reference()), KEY);
            assertEquals(200, matched.statusCode(), matched.body());
            JsonNode result = json(matched);
            assertTrue(result.get("matched").asBoolean());
            assertEquals(TestArticles.REFERENCE_SENTENCE, result.get("evidence").asText());
            assertTrue(result.get("matchedTerms").toString().contains("chip:H20"));
            assertFalse(json(alert.post("/api/alert-rules/" + id + "/test",
                    ModelJson.encodeToString(TestArticles.funding()), KEY)).get("matched").asBoolean());

            HttpResponse<String> updated = alert.put("/api/alert-rules/" + id, """
                    {"name": "renamed", "query": "禁令", "filters": {"tags": ["export-policy"]},
                     "channels": [{"url": "https://hooks.example.com/newsctl"}]}
                    """, KEY);
            assertEquals(200, updated.statusCode(), updated.body());
            assertEquals(2, json(updated).get("version").asInt());
            assertTrue(json(updated).get("channels").get(0).get("hasSecret").asBoolean(), "the secret was kept");
        }
        try (AlertService restarted = AlertService.start(servers, Map.of())) {
            HttpResponse<String> afterRestart = restarted.get("/api/alert-rules/" + id, KEY);
            assertEquals(200, afterRestart.statusCode());
            assertEquals("renamed", json(afterRestart).get("name").asText());
            assertEquals(204, restarted.delete("/api/alert-rules/" + id, KEY).statusCode());
            assertEquals(404, restarted.get("/api/alert-rules/" + id, KEY).statusCode());
            assertEquals(404, restarted.delete("/api/alert-rules/" + id, KEY).statusCode());
        }
    }

    @Test
    void anUnsavedRuleCanBeTried(ServerEndpoints servers) throws Exception {
        try (AlertService alert = AlertService.start(servers, Map.of())) {
            String body = "{\"rule\": {\"name\": \"try\", \"query\": \"折叠屏 手机\"}, \"article\": "
                    + ModelJson.encodeToString(TestArticles.phoneLaunch()) + "}";
            HttpResponse<String> response = alert.post("/api/alert-rules/test", body, KEY);
            assertEquals(200, response.statusCode(), response.body());
            assertTrue(json(response).get("matched").asBoolean());
            assertEquals(TestArticles.phoneLaunch().article().title(),
                    json(response).get("alert").get("title").asText());
        }
    }
}
