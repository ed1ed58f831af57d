package io.newsctl.api;

import io.micronaut.security.token.reader.HttpHeaderTokenReader;
import jakarta.inject.Singleton;

/** Reads the API key from {@code X-API-Key} (an {@code Authorization: Bearer <key>} header works too). */
@Singleton
public class ApiKeyReader extends HttpHeaderTokenReader {
    public static final String HEADER = "X-API-Key";

    @Override
    protected String getPrefix() {
        return null;
    }

    @Override
    protected String getHeaderName() {
        return HEADER;
    }
}
