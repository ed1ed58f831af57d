package io.newsctl.stream;

/**
 * A batch could not be stored for reasons that will pass (a server unavailable, overloaded or
 * timing out). The runner retries the batch with back-off; nothing is dead-lettered.
 */
public class TransientException extends Exception {
    public TransientException(String message, Throwable cause) {
        super(message, cause);
    }

    public TransientException(String message) {
        super(message);
    }
}
