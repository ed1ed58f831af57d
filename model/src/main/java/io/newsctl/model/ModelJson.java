package io.newsctl.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON form of the records on the topics. Every record carries {@code schemaVersion}; readers
 * accept their own major version and ignore fields they do not know (so writers can add fields
 * without breaking older readers).
 */
public final class ModelJson {
    /** Version of the records this code writes. Bump on an incompatible change. */
    public static final int SCHEMA_VERSION = 1;

    // Articles are large but bounded; refuse absurd documents instead of exhausting memory.
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(20_000_000)
                    .maxNestingDepth(64)
                    .build())
            .build();

    private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private ModelJson() {
    }

    /** The shared, configured mapper. Thread-safe; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    public static String encodeToString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode " + value.getClass().getSimpleName(), e);
        }
    }

    public static RawArticle decodeRaw(byte[] json) throws SchemaException {
        RawArticle article = decode(json, RawArticle.class);
        require(article.id(), "id");
        require(article.url(), "url");
        require(article.body(), "body");
        return article;
    }

    public static EnrichedArticle decodeEnriched(byte[] json) throws SchemaException {
        EnrichedArticle enriched = decode(json, EnrichedArticle.class);
        if (enriched.article() == null) {
            throw new SchemaException("missing-field", "EnrichedArticle has no article");
        }
        require(enriched.article().id(), "article.id");
        require(enriched.article().url(), "article.url");
        return enriched;
    }

    public static Alert decodeAlert(byte[] json) throws SchemaException {
        return decode(json, Alert.class);
    }

    /**
     * Reads a record and checks its schema version before binding, so a record from a newer writer
     * is reported as such rather than as a confusing binding error.
     */
    public static <T> T decode(byte[] json, Class<T> type) throws SchemaException {
        if (json == null || json.length == 0) {
            throw new SchemaException("empty", "empty payload");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (IOException e) {
            throw new SchemaException("bad-json", "not JSON: " + firstLine(e.getMessage()), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new SchemaException("bad-json", "expected a JSON object");
        }
        JsonNode version = tree.get("schemaVersion");
        if (version == null || !version.canConvertToInt()) {
            throw new SchemaException("unsupported-schema", "no schemaVersion");
        }
        if (version.asInt() != SCHEMA_VERSION) {
            throw new SchemaException("unsupported-schema",
                    "schemaVersion " + version.asText() + " (this reader understands " + SCHEMA_VERSION + ")");
        }
        try {
            return MAPPER.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new SchemaException("bad-shape",
                    "not a valid " + type.getSimpleName() + ": " + firstLine(e.getOriginalMessage()), e);
        }
    }

    private static void require(Object value, String field) throws SchemaException {
        if (value == null) {
            throw new SchemaException("missing-field", "missing required field " + field);
        }
    }

    /** The first line of a parser's message, at most 200 characters: enough to say what broke. */
    public static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        String line = newline < 0 ? message : message.substring(0, newline);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
