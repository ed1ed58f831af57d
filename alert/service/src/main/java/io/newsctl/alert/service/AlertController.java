package io.newsctl.alert.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.newsctl.api.Roles;
import io.newsctl.model.Alert;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Alert history for analysts and the web UI: {@code GET /api/alerts?rule=<id>&since=<ISO instant>&limit=<n>},
 * newest first, each entry the {@link Alert} as published on the {@code alerts} topic.
 */
@Controller("/api/alerts")
@Secured(Roles.READER)
public class AlertController {
    static final int MAX_LIMIT = 500;
    private final AlertHistory history;

    AlertController(AlertHistory history) {
        this.history = history;
    }

    @Get(produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> list(@Nullable @QueryValue String rule, @Nullable @QueryValue String since,
                              @Nullable @QueryValue Integer limit) {
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > MAX_LIMIT) {
            return JsonResponses.error(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_LIMIT);
        }
        Instant from = null;
        if (since != null && !since.isBlank()) {
            try {
                from = Instant.parse(since.strip());
            } catch (DateTimeParseException e) {
                return JsonResponses.error(HttpStatus.BAD_REQUEST, "since must be an ISO-8601 instant, e.g."
                        + " 2025-07-18T00:00:00Z");
            }
        }
        List<Alert> alerts = history.query(rule == null || rule.isBlank() ? null : rule.strip(), from, n);
        ObjectNode body = JsonResponses.object();
        body.set("alerts", io.newsctl.alert.RuleJson.writer().valueToTree(alerts));
        body.put("count", alerts.size());
        return JsonResponses.json(HttpStatus.OK, body);
    }
}
