package io.newsctl.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Secrets (passwords, API keys) given directly or as files, the way Kubernetes mounts Secrets. */
public final class Secrets {
    private Secrets() {
    }

    /**
     * The secret in {@code file} (its trailing line break dropped) when a file is given, else
     * {@code value}; null when neither is set. A file that cannot be read is an error naming the
     * setting and the path, never the content.
     */
    public static String resolve(String value, String file, String name) {
        if (file != null && !file.isBlank()) {
            try {
                return Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8).stripTrailing();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name + " from " + file.strip() + ": "
                        + e.getClass().getSimpleName(), e);
            }
        }
        return value == null || value.isEmpty() ? null : value;
    }

    /** What to print instead of a secret. */
    public static String mask(String secret) {
        return secret == null ? "none" : "***";
    }
}
