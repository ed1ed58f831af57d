package io.newsctl.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

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
            .addModule(new SimpleModule("utf8-strings").addSerializer(String.class, new Utf8StringSerializer()))
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

    /**
     * Writes long strings (bodies, segmented bodies) from their UTF-8 bytes: {@code String.getBytes}
     * encodes CJK text several times faster than the generator's character-by-character path, which
     * was the hottest method of the index service. The generator still escapes quotes, backslashes
     * and control characters. A lone surrogate (never valid text) becomes '?' instead of an invalid
     * UTF-8 sequence.
     */
    private static final class Utf8StringSerializer extends StdScalarSerializer<String> {
        private static final int MIN_LENGTH = 128;

        Utf8StringSerializer() {
            super(String.class, false);
        }

        @Override
        public void serialize(String value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            if (value.length() >= MIN_LENGTH && generator instanceof UTF8JsonGenerator) {
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                generator.writeUTF8String(utf8, 0, utf8.length);
            } else {
                generator.writeString(value);
            }
        }
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
     * Reads a record after checking its schema version, so a record from a newer writer is reported
     * as such rather than as a confusing binding error. The version is read by streaming up to the
     * {@code schemaVersion} field (the first one this code writes), then the bytes are bound straight
     * to the record: no intermediate tree, which cost as much again as the binding on 30 KB articles.
     * Only a record that fails to bind is parsed again as a tree, to say whether it is not JSON at
     * all or JSON of the wrong shape.
     */
    public static <T> T decode(byte[] json, Class<T> type) throws SchemaException {
        if (json == null || json.length == 0) {
            throw new SchemaException("empty", "empty payload");
        }
        int version = schemaVersion(json);
        if (version != SCHEMA_VERSION) {
            throw new SchemaException("unsupported-schema",
                    "schemaVersion " + version + " (this reader understands " + SCHEMA_VERSION + ")");
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw whyNot(json, type, e);
        }
    }

    /** The top-level {@code schemaVersion}, streaming; skips other fields without binding them. */
    private static int schemaVersion(byte[] json) throws SchemaException {
        try (JsonParser parser = MAPPER.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new SchemaException("bad-json", "expected a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("schemaVersion".equals(name)) {
                    if (value != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
                        throw new SchemaException("unsupported-schema", "no schemaVersion");
                    }
                    return parser.getIntValue();
                }
                parser.skipChildren();
            }
            throw new SchemaException("unsupported-schema", "no schemaVersion");
        } catch (IOException e) {
            throw new SchemaException("bad-json", "not JSON: " + firstLine(e.getMessage()), e);
        }
    }

    /** Why {@code json} (an object with a known version) did not bind: not JSON, or another shape. */
    private static SchemaException whyNot(byte[] json, Class<?> type, IOException bindingError) {
        try {
            MAPPER.readTree(json);
        } catch (IOException e) {
            return new SchemaException("bad-json", "not JSON: " + firstLine(e.getMessage()), e);
        }
        String message = bindingError instanceof JsonProcessingException processing
                ? processing.getOriginalMessage() : bindingError.getMessage();
        return new SchemaException("bad-shape", "not a valid " + type.getSimpleName() + ": " + firstLine(message),
                bindingError);
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
