package io.newsctl.index.service;

import io.micronaut.runtime.Micronaut;

/** The index service: consumes enriched articles into Elasticsearch and serves search. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
