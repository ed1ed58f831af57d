package io.newsctl.alert.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.newsctl.alert.InvalidRuleException;
import io.newsctl.alert.RuleJson;
import java.io.UncheckedIOException;

/** JSON bodies of the API, written with the model's mapper (dates as ISO-8601, durations as PT…). */
final class JsonResponses {
    private JsonResponses() {
    }

    static ObjectNode object() {
        return RuleJson.writer().createObjectNode();
    }

    static MutableHttpResponse<String> json(HttpStatus status, Object body) {
        try {
            return HttpResponse.<String>status(status).contentType(MediaType.APPLICATION_JSON_TYPE)
                    .body(RuleJson.writer().writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MutableHttpResponse<String> error(HttpStatus status, String message) {
        return json(status, object().put("error", message));
    }

    /** 400 with every problem of the rule: {@code {"error": "…", "problems": [{"field", "message"}]}}. */
    static MutableHttpResponse<String> invalid(InvalidRuleException e) {
        ObjectNode body = object().put("error", "invalid rule: " + e.getMessage());
        ArrayNode problems = body.putArray("problems");
        e.problems().forEach(p -> problems.addObject().put("field", p.field()).put("message", p.message()));
        return json(HttpStatus.BAD_REQUEST, body);
    }
}
