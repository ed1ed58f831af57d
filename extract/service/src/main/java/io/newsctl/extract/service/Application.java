package io.newsctl.extract.service;

import io.micronaut.runtime.Micronaut;

/** The extract service: raw articles in, enriched articles out. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
