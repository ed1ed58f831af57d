package io.newsctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsctl.model.ModelJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/** The few Elasticsearch requests the benchmark makes to watch an alias, over plain HTTP (no auth). */
final class EsHttp {
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    EsHttp(URI url) {
        this.base = url.toString().replaceAll("/+$", "");
    }

    /** Documents of {@code alias} visible to search (-1 while the alias does not exist yet). */
    long count(String alias) throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", "/" + alias + "/_count", null);
        if (response.statusCode() == 404) {
            return -1;
        }
        return json(response).path("count").asLong();
    }

    /** Which of {@code ids} a search of {@code alias} finds now, i.e. which are searchable. */
    Set<String> searchable(String alias, Collection<String> ids) throws IOException, InterruptedException {
        String body = "{\"size\":" + ids.size() + ",\"_source\":false,\"query\":{\"ids\":{\"values\":"
                + ModelJson.mapper().writeValueAsString(ids) + "}}}";
        HttpResponse<String> response = send("POST", "/" + alias + "/_search?filter_path=hits.hits._id", body);
        Set<String> found = new HashSet<>();
        for (JsonNode hit : json(response).path("hits").path("hits")) {
            found.add(hit.path("_id").asText());
        }
        return found;
    }

    /** This node's indexing, merge, refresh, flush and bulk counters ({@code _nodes/_local/stats}). */
    JsonNode nodeStats() throws IOException, InterruptedException {
        JsonNode nodes = json(send("GET", "/_nodes/_local/stats/indices/indexing,merge,refresh,flush,bulk", null))
                .path("nodes");
        return nodes.elements().hasNext() ? nodes.elements().next().path("indices") : ModelJson.mapper().createObjectNode();
    }

    void refresh(String alias) throws IOException, InterruptedException {
        json(send("POST", "/" + alias + "/_refresh", null));
    }

    private HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException("Elasticsearch answered HTTP " + response.statusCode() + ": "
                    + response.body().substring(0, Math.min(300, response.body().length())));
        }
        return ModelJson.mapper().readTree(response.body());
    }
}
