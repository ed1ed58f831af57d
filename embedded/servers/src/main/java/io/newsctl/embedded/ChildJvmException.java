package io.newsctl.embedded;

/** A child JVM failed to start, exited early or did not become ready in time. */
public class ChildJvmException extends RuntimeException {

    public ChildJvmException(String message, Throwable cause) {
        super(message, cause);
    }
}
