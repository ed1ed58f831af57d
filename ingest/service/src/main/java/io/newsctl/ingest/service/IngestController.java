package io.newsctl.ingest.service;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import java.util.LinkedHashMap;
import java.util.Map;

/** Status of the ingest sources. */
@Controller("/api/ingest")
public class IngestController {
    private final FileSourceJob files;
    private final CrawlJob crawl;

    public IngestController(FileSourceJob files, @Nullable CrawlJob crawl) {
        this.files = files;
        this.crawl = crawl;
    }

    @Get("/status")
    public IngestStatus.Snapshot status() {
        return files.status().snapshot();
    }

    /** The crawler's counters; 404 when no crawl sources are configured. */
    @Get("/crawl")
    public HttpResponse<Map<String, Object>> crawl() {
        if (crawl == null) {
            return HttpResponse.notFound(Map.of("error", "no crawl configured (news.crawl.sources-file)"));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("running", crawl.status() != null && crawl.failure() == null);
        body.put("status", crawl.status());
        body.put("failure", crawl.failure());
        return HttpResponse.ok(body);
    }
}
