package io.newsctl.cli.annotate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.newsctl.extract.Extractor;
import io.newsctl.extract.TextAnalysis;
import io.newsctl.extract.Token;
import io.newsctl.model.Entity;
import io.newsctl.model.Figure;
import io.newsctl.model.ModelJson;
import io.newsctl.model.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One input line annotated: the input object with {@code entities}, {@code figures}, {@code tags}
 * (and optionally {@code tokens}) added. Every offset indexes the input {@code text} exactly as
 * given, end exclusive. Pure: the same line gives the same output, on any thread.
 */
final class Annotation {
    /** A line that cannot be annotated; the message is shown with its line number. */
    static final class BadLineException extends Exception {
        BadLineException(String message) {
            super(message);
        }
    }

    /** One mention for the TSV format. */
    record Mention(String type, int start, int end, String text, String canonical) {
    }

    private static final ObjectMapper JSON = ModelJson.mapper();

    private Annotation() {
    }

    /** Parses a line: a JSON object with a string {@code text}. */
    static ObjectNode parse(String line) throws BadLineException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (Exception e) {
            throw new BadLineException("not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new BadLineException("not a JSON object");
        }
        JsonNode text = node.get("text");
        if (text == null || !text.isTextual()) {
            throw new BadLineException("no \"text\" string");
        }
        return (ObjectNode) node;
    }

    /** The input object (extra fields untouched) plus the annotations. */
    static ObjectNode annotate(Extractor extractor, ObjectNode input, boolean tokens) {
        String text = input.get("text").asText();
        TextAnalysis analysis = extractor.analyze(text);
        ObjectNode out = input; // parsed for this call alone: annotated in place
        ArrayNode entities = out.putArray("entities");
        for (EntityMention m : entityMentions(analysis)) {
            ObjectNode e = entities.addObject();
            e.put("type", m.entity().type().name());
            e.put("name", text.substring(m.span().start(), m.span().end()));
            e.put("canonical", m.entity().canonical());
            putIfPresent(e, "id", m.entity().id());
            putIfPresent(e, "vendor", m.entity().vendor());
            e.put("start", m.span().start());
            e.put("end", m.span().end());
        }
        ArrayNode figures = out.putArray("figures");
        for (Figure f : analysis.figures()) {
            ObjectNode o = figures.addObject();
            o.put("text", f.text());
            o.put("kind", f.kind().name());
            o.put("value", f.value());
            if (f.valueMax() != null) {
                o.put("valueMax", f.valueMax());
            }
            o.put("unit", f.unit());
            putIfPresent(o, "metric", f.metric());
            putIfPresent(o, "subject", f.subject());
            putIfPresent(o, "period", f.period());
            o.put("yearOnYear", f.yearOnYear());
            o.put("start", f.span().start());
            o.put("end", f.span().end());
        }
        ArrayNode tags = out.putArray("tags");
        analysis.tags().forEach(tags::add);
        if (tokens) {
            ArrayNode words = out.putArray("tokens");
            for (Token t : analysis.tokens()) {
                ObjectNode w = words.addObject();
                w.put("word", t.word());
                w.put("start", t.start());
                w.put("end", t.end());
                w.put("pos", t.nature());
            }
        }
        return out;
    }

    /** Every entity and figure mention of an annotated line, in text order (for the TSV format). */
    static List<Mention> mentions(ObjectNode annotated) {
        List<Mention> mentions = new ArrayList<>();
        for (JsonNode e : annotated.path("entities")) {
            mentions.add(new Mention(e.path("type").asText(), e.path("start").asInt(), e.path("end").asInt(),
                    e.path("name").asText(), e.path("canonical").asText()));
        }
        for (JsonNode f : annotated.path("figures")) {
            JsonNode value = f.path("value");
            String plain = value.isNumber() ? value.decimalValue().toPlainString() : value.asText();
            String canonical = plain + (f.hasNonNull("unit") ? " " + f.path("unit").asText() : "");
            mentions.add(new Mention("FIGURE", f.path("start").asInt(), f.path("end").asInt(),
                    f.path("text").asText(), canonical));
        }
        mentions.sort(Comparator.comparingInt(Mention::start).thenComparingInt(Mention::end));
        return mentions;
    }

    private record EntityMention(Entity entity, Span span) {
    }

    private static List<EntityMention> entityMentions(TextAnalysis analysis) {
        List<EntityMention> mentions = new ArrayList<>();
        for (Entity entity : analysis.entities()) {
            for (Span span : entity.mentions()) {
                mentions.add(new EntityMention(entity, span));
            }
        }
        mentions.sort(Comparator.comparingInt((EntityMention m) -> m.span().start()).thenComparingInt(m -> m.span().end()));
        return mentions;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
