package io.newsctl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsctl.embedded.NewsServersExtension;
import io.newsctl.embedded.ServerEndpoints;
import io.newsctl.model.ModelJson;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo path end to end on real servers: the four services in child JVMs, the samples
 * ingested, the reference article searchable with its entities and figures.
 */
@ExtendWith(NewsServersExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoPipelineIT {
    private DemoPipeline pipeline;
    private ServiceProcess index;

    @BeforeAll
    void start(ServerEndpoints servers) {
        pipeline = DemoPipeline.start(servers, new DemoPipeline.Options(Path.of("../samples"),
                Path.of("../samples/rules"), DemoPipeline.freePort(), Path.of("target/demo-it-logs"),
                DemoPipeline.QUICK_START_JVM_OPTIONS));
        index = pipeline.services().stream().filter(s -> s.name().equals("index")).findFirst().orElseThrow();
    }

    @AfterAll
    void stop() {
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    void searchForCambriconFindsTheReferenceArticleHighlightedWithItsFacets() throws Exception {
        JsonNode page = get("/api/search?q=" + URLEncoder.encode("寒武纪", StandardCharsets.UTF_8) + "&size=20");

        JsonNode reference = null;
        for (JsonNode hit : page.path("hits")) {
            if (hit.path("title").asText().startsWith("H20出口解禁")) {
                reference = hit;
            }
        }
        assertTrue(reference != null, "reference article among " + page.path("hits"));
        assertTrue(reference.path("snippets").toString().contains("<em>寒武纪</em>"), reference.toString());
        assertTrue(values(page, "companies").containsAll(Set.of("寒武纪", "英伟达", "摩尔线程")), page.path("facets").toString());
        assertTrue(values(page, "chips").containsAll(Set.of("H20", "MI308")), page.path("facets").toString());

        JsonNode stored = get("/api/articles/" + reference.path("id").asText());
        JsonNode figure = null;
        for (JsonNode f : stored.path("figures")) {
            if (f.path("text").asText().equals("4.32亿元")) {
                figure = f;
            }
        }
        assertTrue(figure != null, "figure 4.32亿元 in " + stored.path("figures"));
        assertEquals(432000000L, figure.path("value").asLong());
        assertEquals("CNY", figure.path("unit").asText());
    }

    @Test
    void everyIngestedArticleIsIndexedOnce() throws Exception {
        JsonNode all = get("/api/search?size=100");
        assertEquals(pipeline.articlesIngested(), all.path("total").asInt());
        Set<String> ids = new HashSet<>();
        all.path("hits").forEach(h -> ids.add(h.path("id").asText()));
        assertEquals(pipeline.articlesIngested(), ids.size());
    }

    @Test
    void badQueriesAreClientErrorsNotServerErrors() throws Exception {
        for (String query : new String[] {"size=1000", "from=yesterday", "sort=sideways", "q=" + "-x"}) {
            HttpResponse<String> response = index.get("/api/search?" + query);
            assertEquals(400, response.statusCode(), query + " → " + response.body());
            assertTrue(response.body().contains("error"), response.body());
        }
    }

    private JsonNode get(String path) throws Exception {
        HttpResponse<String> response = index.get(path);
        assertEquals(200, response.statusCode(), response.body());
        return ModelJson.mapper().readTree(response.body());
    }

    private static Set<String> values(JsonNode page, String facet) {
        Set<String> values = new HashSet<>();
        page.path("facets").path(facet).forEach(v -> values.add(v.path("value").asText()));
        return values;
    }
}
