package io.newsctl.ingest.service;

import io.micronaut.runtime.Micronaut;

/** The ingest service: reads pages from its sources and publishes the articles to articles.raw. */
public final class Application {
    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
