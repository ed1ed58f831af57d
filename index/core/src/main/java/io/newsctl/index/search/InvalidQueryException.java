package io.newsctl.index.search;

/** A search request the user must change; the message says how, and is safe to show. */
public final class InvalidQueryException extends RuntimeException {
    public InvalidQueryException(String message) {
        super(message);
    }
}
