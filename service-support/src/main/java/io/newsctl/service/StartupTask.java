package io.newsctl.service;

/**
 * Work that must finish before a service starts consuming (e.g. creating the Elasticsearch index:
 * consuming first would let Elasticsearch guess the mappings). Throwing stops the start-up.
 */
public interface StartupTask {
    void run();
}
