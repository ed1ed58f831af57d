package io.newsctl.alert.service;

import io.micronaut.runtime.Micronaut;

/** The alert service: matches new enriched articles against alert rules. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
