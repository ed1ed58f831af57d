package io.newsctl.model;

/**
 * A payload that cannot be read as the record its topic carries: not JSON, not the expected shape,
 * missing required fields, or written with a schema version this reader does not understand.
 */
public final class SchemaException extends Exception {
    private final String errorType;

    public SchemaException(String errorType, String message, Throwable cause) {
        super(message, cause);
        this.errorType = errorType;
    }

    public SchemaException(String errorType, String message) {
        this(errorType, message, null);
    }

    /** A short class of error for dead-letter headers: bad-json, unsupported-schema, missing-field. */
    public String errorType() {
        return errorType;
    }
}
