package io.newsctl.ingest.warc;

import io.newsctl.ingest.crawl.ResponseArchive;
import io.newsctl.ingest.fetch.FetchResult;
import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

/**
 * Archives fetched responses as WARC {@code response} records (jwarc), gzip-compressed per record
 * when the file name ends in {@code .gz}. The body is stored as it was read (decompressed), with the
 * Content-Type and validators. Appends to an existing file. Thread-safe.
 */
public final class WarcArchive implements ResponseArchive, Closeable {
    private final WarcWriter writer;
    private final Path file;

    private WarcArchive(WarcWriter writer, Path file) {
        this.writer = writer;
        this.file = file;
    }

    public static WarcArchive open(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        WarcCompression compression = file.getFileName().toString().endsWith(".gz") ? WarcCompression.GZIP
                : WarcCompression.NONE;
        return new WarcArchive(new WarcWriter(channel, compression), file);
    }

    @Override
    public void write(FetchResult.Fetched response, Instant fetchedAt) throws IOException {
        MediaType type = response.contentType() == null ? MediaType.OCTET_STREAM
                : MediaType.parseLeniently(response.contentType());
        HttpResponse.Builder http = new HttpResponse.Builder(200, "OK");
        if (response.etag() != null) {
            http.addHeader("ETag", response.etag());
        }
        if (response.lastModified() != null) {
            http.addHeader("Last-Modified", response.lastModified());
        }
        http.body(type, response.body());
        WarcResponse record = new WarcResponse.Builder(URI.create(response.finalUrl()))
                .date(fetchedAt)
                .body(http.build())
                .build();
        writer.write(record);
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
