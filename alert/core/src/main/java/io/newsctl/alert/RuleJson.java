package io.newsctl.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsctl.model.ModelJson;
import io.newsctl.model.SchemaException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * JSON of rules: the stored form (on {@link io.newsctl.model.Topics#ALERT_RULES}, with a schema version and secrets),
 * the public form (what the API shows: no secrets) and drafts (what clients send, read strictly so a
 * misspelt field is reported instead of silently ignored).
 */
public final class RuleJson {
    private static final ObjectMapper WRITER = ModelJson.mapper().copy()
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
    private static final ObjectMapper STRICT = ModelJson.mapper().copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private RuleJson() {
    }

    /** The stored form, secrets included: for the rules topic only. */
    public static byte[] encodeStored(Rule rule) {
        ObjectNode node = WRITER.valueToTree(rule);
        node.put("schemaVersion", ModelJson.SCHEMA_VERSION);
        try {
            return WRITER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("cannot encode rule " + rule.id(), e);
        }
    }

    public static Rule decodeStored(byte[] json) throws SchemaException {
        Rule rule = ModelJson.decode(json, Rule.class);
        if (rule.id() == null || rule.name() == null) {
            throw new SchemaException("missing-field", "rule without id or name");
        }
        return rule;
    }

    /** What the API shows: the rule without webhook secrets ({@code hasSecret} says one is set). */
    public static ObjectNode publicView(Rule rule) {
        ObjectNode node = WRITER.valueToTree(rule);
        node.withArray("channels").forEach(channel -> {
            ObjectNode c = (ObjectNode) channel;
            boolean hasSecret = c.hasNonNull("secret");
            c.remove("secret");
            c.put("hasSecret", hasSecret);
        });
        return node;
    }

    public static ObjectMapper writer() {
        return WRITER;
    }

    /** Reads a client's draft; malformed JSON and unknown or mistyped fields become rule problems. */
    public static RuleDraft decodeDraft(byte[] json) {
        if (json == null || json.length == 0) {
            throw InvalidRuleException.of("body", "a JSON rule is required");
        }
        try {
            return STRICT.readValue(json, RuleDraft.class);
        } catch (UnrecognizedPropertyException e) {
            throw InvalidRuleException.of(path(e), "unknown field (known: " + e.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")");
        } catch (JsonMappingException e) {
            throw InvalidRuleException.of(path(e), "wrong type: " + ModelJson.firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw InvalidRuleException.of("body", "not JSON: " + ModelJson.firstLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String path(JsonMappingException e) {
        List<JsonMappingException.Reference> refs = e.getPath();
        if (refs.isEmpty()) {
            return "body";
        }
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.isEmpty() ? "body" : out.toString();
    }

}
