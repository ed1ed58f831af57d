package io.newsctl.index.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsctl.model.ModelJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Every article matching a search, as CSV or JSON Lines, produced page by page while the reader
 * reads: a point in time keeps the view consistent, {@code search_after} walks it, and only one
 * page is in memory at a time — so an export has no size cap. Reposts are not collapsed (each row
 * carries its {@code story_id}); newest first.
 */
public final class ArticleExport {
    public enum Format {
        CSV("text/csv; charset=utf-8", "csv"),
        JSONL("application/x-ndjson; charset=utf-8", "jsonl");

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }

        public static Format parse(String value) {
            if (value == null || value.isBlank()) {
                return CSV;
            }
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidQueryException("format must be 'csv' or 'jsonl'");
            }
        }
    }

    static final List<String> CSV_COLUMNS = List.of("id", "published_at", "title", "url", "site", "original_source",
            "author", "companies", "chips", "people", "tags", "story_id", "duplicate_of");
    private static final List<String> JSONL_FIELDS = List.of("id", "url", "site", "source", "original_source",
            "author", "published_at", "title", "summary", "body", "companies", "company_ids", "chips", "chip_ids",
            "people", "places", "organizations", "tags", "keywords", "story_id", "duplicate_of", "figures");
    private static final String KEEP_ALIVE = "2m";

    /** Default cap of one export: enough for any analysis, bounded for the cluster and the client. */
    public static final int DEFAULT_MAX_ARTICLES = 50_000;

    private final ArticleSearch search;
    private final int pageSize;
    private final int maxArticles;

    public ArticleExport(ArticleSearch search) {
        this(search, 500, DEFAULT_MAX_ARTICLES);
    }

    public ArticleExport(ArticleSearch search, int pageSize) {
        this(search, pageSize, DEFAULT_MAX_ARTICLES);
    }

    /** @param maxArticles the export ends after this many articles (the newest, as it is sorted by date) */
    public ArticleExport(ArticleSearch search, int pageSize, int maxArticles) {
        if (maxArticles < 1) {
            throw new IllegalArgumentException("maxArticles must be ≥ 1, was " + maxArticles);
        }
        this.search = search;
        this.pageSize = pageSize;
        this.maxArticles = maxArticles;
    }

    /**
     * Opens the export. The query is validated now (bad input throws {@link InvalidQueryException}
     * before anything is sent); the stream then fetches pages as it is read. Close it to release the
     * point in time.
     */
    public InputStream open(ArticleQuery query, Format format) throws IOException {
        Query esQuery = search.buildQuery(query);
        ElasticsearchClient client = search.client();
        String pit = client.openPointInTime(p -> p.index(search.layout().alias()).keepAlive(k -> k.time(KEEP_ALIVE)))
                .id();
        return new ExportStream(client, pit, esQuery, format);
    }

    private final class ExportStream extends InputStream {
        private final ElasticsearchClient client;
        private final Query query;
        private final Format format;
        private String pit;
        private List<FieldValue> after;
        private byte[] buffer = new byte[0];
        private int position;
        private boolean started;
        private boolean exhausted;
        private int written;

        ExportStream(ElasticsearchClient client, String pit, Query query, Format format) {
            this.client = client;
            this.pit = pit;
            this.query = query;
            this.format = format;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return buffer[position++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, buffer.length - position);
            System.arraycopy(buffer, position, b, off, n);
            position += n;
            return n;
        }

        /** True when bytes are available; fetches the next page when the buffer is drained. */
        private boolean fill() throws IOException {
            while (position >= buffer.length) {
                if (exhausted) {
                    return false;
                }
                buffer = nextPage();
                position = 0;
            }
            return true;
        }

        private byte[] nextPage() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            if (!started) {
                started = true;
                if (format == Format.CSV) {
                    out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // BOM: spreadsheets read UTF-8
                    out.write(csvLine(CSV_COLUMNS).getBytes(StandardCharsets.UTF_8));
                }
            }
            List<FieldValue> from = after;
            String pitId = pit;
            int size = Math.min(pageSize, maxArticles - written);
            SearchResponse<ObjectNode> response = client.search(s -> {
                s.pit(p -> p.id(pitId).keepAlive(k -> k.time(KEEP_ALIVE)))
                        .query(query)
                        .size(size)
                        .trackTotalHits(t -> t.enabled(false))
                        .source(src -> src.filter(f -> f.includes(format == Format.CSV ? CSV_COLUMNS : JSONL_FIELDS)))
                        .sort(SortOptions.of(o -> o.field(f -> f.field("published_at").order(SortOrder.Desc)
                                        .missing("_last"))),
                                SortOptions.of(o -> o.field(f -> f.field("id").order(SortOrder.Asc))));
                if (from != null) {
                    s.searchAfter(from);
                }
                return s;
            }, ObjectNode.class);
            if (response.pitId() != null) {
                pit = response.pitId();
            }
            List<Hit<ObjectNode>> hits = response.hits().hits();
            for (Hit<ObjectNode> hit : hits) {
                ObjectNode source = hit.source();
                if (source == null) {
                    continue;
                }
                if (format == Format.CSV) {
                    out.write(csvLine(csvRow(source)).getBytes(StandardCharsets.UTF_8));
                } else {
                    ModelJson.mapper().writeValue(NonClosing.of(out), ArticleSearch.displayReady(source));
                    out.write('\n');
                }
            }
            written += hits.size();
            if (hits.size() < size || written >= maxArticles) {
                exhausted = true;
                closePit();
            } else {
                after = hits.get(hits.size() - 1).sort();
            }
            return out.toByteArray();
        }

        private void closePit() {
            if (pit == null) {
                return;
            }
            String id = pit;
            pit = null;
            try {
                client.closePointInTime(c -> c.id(id));
            } catch (IOException | RuntimeException e) {
                // it expires by itself after KEEP_ALIVE
            }
        }

        @Override
        public void close() {
            exhausted = true;
            closePit();
        }
    }

    static List<String> csvRow(ObjectNode source) {
        ArticleSearch.displayReady(source);
        return CSV_COLUMNS.stream().map(column -> {
            JsonNode value = source.get(column);
            if (value == null || value.isNull()) {
                return "";
            }
            if (value.isArray()) {
                StringBuilder joined = new StringBuilder();
                value.forEach(v -> {
                    if (!joined.isEmpty()) {
                        joined.append("; ");
                    }
                    joined.append(v.asText());
                });
                return joined.toString();
            }
            return value.asText();
        }).toList();
    }

    /** RFC 4180: fields with commas, quotes or line breaks are quoted, quotes doubled; CRLF ends a row. */
    static String csvLine(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            String field = fields.get(i);
            // a leading = + - @ would make a spreadsheet run the cell as a formula
            if (!field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0) {
                field = "'" + field;
            }
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0) {
                line.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                line.append(field);
            }
        }
        return line.append("\r\n").toString();
    }

    /** Jackson closes the stream it writes to; a buffer must stay open for the next row. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        private NonClosing(ByteArrayOutputStream out) {
            super(out);
        }

        static NonClosing of(ByteArrayOutputStream out) {
            return new NonClosing(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() {
        }
    }
}
