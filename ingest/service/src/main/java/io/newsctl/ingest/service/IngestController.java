package io.newsctl.ingest.service;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** Status of the ingest sources. */
@Controller("/api/ingest")
public class IngestController {
    private final FileSourceJob files;

    public IngestController(FileSourceJob files) {
        this.files = files;
    }

    @Get("/status")
    public IngestStatus.Snapshot status() {
        return files.status().snapshot();
    }
}
