package io.newsctl.extract.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.newsctl.model.EntityType;
import io.newsctl.model.FigureKind;
import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One labelled article of the evaluation set (format: {@code samples/eval/extract/README.md}), with its
 * labels expanded into gold mentions: every occurrence of a label's text is a mention unless a longer
 * label covers it or the label skips it.
 */
public record GoldArticle(String id, String title, String summary, String body, String author, String language,
                   List<String> tags, List<GoldMention> mentions, List<GoldFigure> figures) {

    static final String[] FIELDS = {"title", "summary", "body"};

    public record GoldMention(EntityType type, String id, String vendor, String field, int start, int end, String text) {
    }

    public record GoldFigure(String field, int start, int end, String text, FigureKind kind, BigDecimal value,
                      BigDecimal valueMax, String unit, Map<String, JsonNode> attributes) {
    }

    public RawArticle raw() {
        return new RawArticle(ModelJson.SCHEMA_VERSION, id, "https://eval.newsctl.invalid/" + id, null, "eval", "eval",
                null, "eval", title, author, null, null, summary, body, language, null, null);
    }

    public String field(String name) {
        return switch (name) {
            case "title" -> title;
            case "summary" -> summary;
            default -> body;
        };
    }

    public static GoldArticle read(Path file) throws IOException {
        JsonNode doc = ModelJson.mapper().readTree(Files.readAllBytes(file));
        String id = text(doc, "id");
        String title = text(doc, "title");
        String summary = text(doc, "summary");
        String body = text(doc, "body");
        List<String> tags = new ArrayList<>();
        doc.path("tags").forEach(t -> tags.add(t.asText()));
        GoldArticle shell = new GoldArticle(id, title, summary, body, text(doc, "author"),
                doc.path("language").asText("zh-Hans"), tags, List.of(), List.of());

        record Candidate(GoldMention mention, int length) {
        }
        List<Candidate> candidates = new ArrayList<>();
        for (JsonNode label : doc.path("entities")) {
            EntityType type = EntityType.valueOf(label.path("type").asText());
            String text = label.path("text").asText();
            List<Integer> skip = new ArrayList<>();
            label.path("skip").forEach(s -> skip.add(s.asInt()));
            int occurrence = 0;
            for (String field : FIELDS) {
                String value = shell.field(field);
                if (value == null) {
                    continue;
                }
                for (int at = value.indexOf(text); at >= 0; at = value.indexOf(text, at + 1)) {
                    if (!skip.contains(occurrence)) {
                        candidates.add(new Candidate(new GoldMention(type, text(label, "id"), text(label, "vendor"), field,
                                at, at + text.length(), text), text.length()));
                    }
                    occurrence++;
                }
            }
            if (occurrence == 0) {
                throw new IOException(file + ": label text not found: " + text);
            }
        }
        List<GoldFigure> figures = new ArrayList<>();
        for (JsonNode label : doc.path("figures")) {
            String text = label.path("text").asText();
            int wanted = label.has("occurrence") ? label.get("occurrence").asInt() : -1;
            int occurrence = 0;
            boolean found = false;
            for (String field : FIELDS) {
                String value = shell.field(field);
                if (value == null) {
                    continue;
                }
                for (int at = value.indexOf(text); at >= 0; at = value.indexOf(text, at + 1)) {
                    if (at > 0 && isNumberChar(value.charAt(at - 1))) {
                        continue; // 40% inside 52.40%
                    }
                    if (wanted < 0 || wanted == occurrence) {
                        figures.add(figure(field, at, text, label));
                        found = true;
                    }
                    occurrence++;
                }
            }
            if (!found) {
                throw new IOException(file + ": figure text not found: " + text);
            }
        }
        // longest label wins where labels overlap (沐曦集成 over 沐曦, 中国商务部 over 中国)
        candidates.sort(Comparator.comparingInt(Candidate::length).reversed());
        List<GoldMention> mentions = new ArrayList<>();
        for (Candidate c : candidates) {
            GoldMention m = c.mention();
            boolean free = mentions.stream().noneMatch(o -> o.field().equals(m.field()) && o.start() < m.end()
                    && m.start() < o.end());
            boolean notFigure = figures.stream().noneMatch(f -> f.field().equals(m.field()) && f.start() < m.end()
                    && m.start() < f.end());
            if (free && notFigure) {
                mentions.add(m);
            }
        }
        mentions.sort(Comparator.comparing(GoldMention::field).thenComparingInt(GoldMention::start));
        return new GoldArticle(id, title, summary, body, shell.author(), shell.language(), tags, mentions, figures);
    }

    private static GoldFigure figure(String field, int at, String text, JsonNode label) {
        Map<String, JsonNode> attributes = new java.util.LinkedHashMap<>();
        for (String key : List.of("metric", "subject", "period", "yoy")) {
            if (label.has(key)) {
                attributes.put(key, label.get(key));
            }
        }
        return new GoldFigure(field, at, at + text.length(), text, FigureKind.valueOf(label.path("kind").asText()),
                new BigDecimal(label.path("value").asText()),
                label.hasNonNull("valueMax") ? new BigDecimal(label.get("valueMax").asText()) : null,
                label.path("unit").asText(), attributes);
    }

    private static boolean isNumberChar(char c) {
        return Character.isDigit(c) || c == '.' || c == '．';
    }

    private static String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v.asText();
    }
}
