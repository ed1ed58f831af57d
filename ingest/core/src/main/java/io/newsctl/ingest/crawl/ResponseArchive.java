package io.newsctl.ingest.crawl;

import io.newsctl.ingest.fetch.FetchResult;
import java.io.IOException;
import java.time.Instant;

/** Keeps a copy of fetched responses (a WARC file: {@link io.newsctl.ingest.warc.WarcArchive}). */
@FunctionalInterface
public interface ResponseArchive {
    void write(FetchResult.Fetched response, Instant fetchedAt) throws IOException;
}
