package io.newsctl.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import java.util.Map;

/** 429 Too Many Requests with Retry-After (seconds) and the reason as JSON. */
@Produces
@Singleton
@Requires(classes = {RateLimitedException.class, ExceptionHandler.class})
public class RateLimitedHandler implements ExceptionHandler<RateLimitedException, HttpResponse<Map<String, String>>> {
    @Override
    public HttpResponse<Map<String, String>> handle(HttpRequest request, RateLimitedException e) {
        return HttpResponse.<Map<String, String>>status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", Long.toString(e.retryAfterSeconds()))
                .body(Map.of("error", e.getMessage()));
    }
}
