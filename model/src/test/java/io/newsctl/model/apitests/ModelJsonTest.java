package io.newsctl.model.apitests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.model.ArticleIds;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.Entity;
import io.newsctl.model.EntityType;
import io.newsctl.model.Figure;
import io.newsctl.model.FigureKind;
import io.newsctl.model.ModelJson;
import io.newsctl.model.RawArticle;
import io.newsctl.model.SchemaException;
import io.newsctl.model.SegmentedText;
import io.newsctl.model.Span;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelJsonTest {

    private static RawArticle raw() {
        String url = "https://36kr.com/p/3380000000000001";
        return new RawArticle(ModelJson.SCHEMA_VERSION, ArticleIds.of(url), url, url, "36kr.com", "samples",
                Instant.parse("2026-11-27T10:00:00Z"), "36kr", "H20出口解禁", "丰宁", "半导体产业纵横",
                OffsetDateTime.parse("2025-07-18T07:12+08:00"), null, "摩尔线程主营业务收入4.32亿元。", "zh-Hans",
                ArticleIds.contentHash("x"), null);
    }

    @Test
    void enrichedArticleRoundTripsWithPlainFigureValues() throws SchemaException {
        Figure figure = new Figure(FigureKind.MONEY, "4.32亿元", new BigDecimal("4.32E+8"), null, "CNY",
                "主营业务收入", "摩尔线程", "2024年", false, new Span(Span.BODY, 8, 14));
        Entity company = new Entity(EntityType.COMPANY, "摩尔线程", "摩尔线程", "moore-threads", null,
                List.of(new Span(Span.BODY, 0, 4)));
        EnrichedArticle enriched = new EnrichedArticle(ModelJson.SCHEMA_VERSION, raw(), List.of(company),
                List.of(figure), List.of("export-policy"), List.of(), List.of("GPU"), "digest",
                new SegmentedText("H20\u200A出口\u200A解禁", null, "摩尔线程"), Instant.EPOCH, "test");

        String json = ModelJson.encodeToString(enriched);

        assertTrue(json.contains("\"value\":432000000"), json);
        assertTrue(json.contains("\"publishedAt\":\"2025-07-18T07:12:00+08:00\""), json);
        assertFalse(json.contains("\"summary\":null"), "nulls are left out: " + json);
        EnrichedArticle back = ModelJson.decodeEnriched(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(enriched.article(), back.article());
        assertEquals(0, new BigDecimal("432000000").compareTo(back.figures().get(0).value()));
        assertEquals(company, back.entities().get(0));
        assertEquals("H20出口解禁", SegmentedText.unsegment(back.segmented().title()));
    }

    @Test
    void longStringsAreWrittenAsTheSameJsonAsTheStandardWriterAndReadBack() throws Exception {
        var plain = new com.fasterxml.jackson.databind.ObjectMapper();
        String paragraph = "英伟达H20\"出口\"解禁\\后，摩尔线程营收4.32亿元\n\t\u0001😀 ASCII <&> 繁體字 ".repeat(20);
        for (String text : List.of(paragraph, paragraph.substring(0, 127), paragraph.substring(0, 128))) {
            java.util.Map<String, Object> value = java.util.Map.of("body", text, "list", List.of(text));
            // the same JSON value (a character outside the BMP may come out as a \\u escape pair)
            assertEquals(plain.readTree(plain.writeValueAsString(value)), plain.readTree(ModelJson.encode(value)));
            assertEquals(plain.writeValueAsString(value), ModelJson.encodeToString(value));
            assertEquals(text, plain.readTree(ModelJson.encode(value)).get("body").asText());
        }
    }

    @Test
    void aLoneSurrogateInALongStringBecomesAQuestionMarkNotInvalidUtf8() throws Exception {
        String text = "半导体".repeat(50) + "\uD83D" + "芯片".repeat(10);
        String back = ModelJson.mapper().readTree(ModelJson.encode(java.util.Map.of("body", text))).get("body").asText();
        assertEquals(text.replace("\uD83D", "?"), back);
    }

    @Test
    void truncatedAfterTheVersionIsBadJsonAndAWrongShapeIsBadShape() {
        SchemaException truncated = refusal("{\"schemaVersion\":1,\"id\":");
        assertEquals("bad-json", truncated.errorType());
        SchemaException shape = refusal("{\"schemaVersion\":1,\"id\":{\"a\":1}}");
        assertEquals("bad-shape", shape.errorType());
        SchemaException noVersion = refusal("{\"id\":\"x\",\"nested\":{\"schemaVersion\":1}}");
        assertEquals("unsupported-schema", noVersion.errorType());
        SchemaException stringVersion = refusal("{\"schemaVersion\":\"1\"}");
        assertEquals("unsupported-schema", stringVersion.errorType());
    }

    @Test
    void newerSchemaVersionIsRefusedWithAClearReason() {
        String json = ModelJson.encodeToString(raw()).replace("\"schemaVersion\":1", "\"schemaVersion\":2");
        SchemaException e = refusal(json);
        assertEquals("unsupported-schema", e.errorType());
        assertTrue(e.getMessage().contains("schemaVersion 2"), e.getMessage());
    }

    @Test
    void garbageIsBadJson() {
        SchemaException e = refusal("{not json");
        assertEquals("bad-json", e.errorType());
    }

    @Test
    void missingRequiredFieldIsNamed() {
        String json = "{\"schemaVersion\":1,\"id\":\"abc\",\"url\":\"https://x.cn/1\"}";
        SchemaException e = refusal(json);
        assertEquals("missing-field", e.errorType());
        assertTrue(e.getMessage().contains("body"), e.getMessage());
    }

    @Test
    void unknownFieldsFromNewerWritersAreIgnored() throws SchemaException {
        String json = ModelJson.encodeToString(raw()).replace("{\"schemaVersion\":1,", "{\"schemaVersion\":1,\"future\":[1,2],");
        assertEquals(raw(), ModelJson.decodeRaw(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void idsAreStableAndDistinct() {
        assertEquals(ArticleIds.of("https://36kr.com/p/1"), ArticleIds.of("https://36kr.com/p/1"));
        assertFalse(ArticleIds.of("https://36kr.com/p/1").equals(ArticleIds.of("https://36kr.com/p/2")));
        assertTrue(ArticleIds.of("https://36kr.com/p/1").matches("[0-9a-f]{32}"));
        assertFalse(ArticleIds.alertId("r1", "a").equals(ArticleIds.alertId("r2", "a")));
    }

    /** What {@link ModelJson#decodeRaw} throws for {@code json}. */
    private static SchemaException refusal(String json) {
        return assertThrows(SchemaException.class, () -> ModelJson.decodeRaw(json.getBytes(StandardCharsets.UTF_8)));
    }
}
