package io.newsctl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.Entity;
import io.newsctl.model.EntityType;
import io.newsctl.model.Figure;
import io.newsctl.model.FigureKind;
import io.newsctl.model.ModelJson;
import io.newsctl.model.SegmentedText;
import io.newsctl.model.Span;
import io.newsctl.model.Tags;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The article the project was asked to handle: 36Kr on H20 and domestic GPUs. */
class ReferenceArticleTest {
    private static EnrichedArticle enriched;

    @BeforeAll
    static void enrich() {
        enriched = Extractor.createDefault().enrich(Articles.reference());
    }

    private static Map<String, Entity> byCanonical(EntityType type) {
        return enriched.entities().stream().filter(e -> e.type() == type)
                .collect(Collectors.toMap(Entity::canonical, e -> e));
    }

    private static String text(Span span) {
        return switch (span.field()) {
            case Span.TITLE -> enriched.article().title();
            case Span.SUMMARY -> enriched.article().summary();
            default -> enriched.article().body();
        };
    }

    @Test
    void findsTheCompanies() {
        Map<String, Entity> companies = byCanonical(EntityType.COMPANY);
        for (String name : List.of("寒武纪", "英伟达", "摩尔线程", "沐曦", "海光信息", "昆仑芯", "华为", "AMD", "腾讯", "字节跳动", "阿里巴巴",
                "微软", "Meta", "亚马逊", "谷歌", "xAI", "摩根士丹利", "TrendForce集邦咨询", "Omdia")) {
            assertTrue(companies.containsKey(name), () -> name + " missing from " + companies.keySet());
        }
        assertEquals("nvidia", companies.get("英伟达").id());
        assertTrue(companies.get("英伟达").count() >= 20, "英伟达 is mentioned over 20 times");
        assertEquals("沐曦集成", companies.get("沐曦").name(), "name is the first surface form");
    }

    @Test
    void findsTheChipsWithTheirVendors() {
        Map<String, Entity> chips = byCanonical(EntityType.CHIP);
        Map<String, String> vendorOf = Map.of("H20", "英伟达", "MI308", "AMD", "P800", "昆仑芯", "MTT S80", "摩尔线程",
                "昇腾910C", "华为", "思元590", "寒武纪", "H100", "英伟达", "H200", "英伟达");
        vendorOf.forEach((chip, vendor) -> {
            assertTrue(chips.containsKey(chip), () -> chip + " missing from " + chips.keySet());
            assertEquals(vendor, chips.get(chip).vendor(), chip);
        });
        assertEquals("nvidia-h20", chips.get("H20").id());
        assertTrue(chips.get("H20").count() >= 15, "every H20 mention, also those without a chip word nearby");
    }

    @Test
    void everySpanIsTheMentionAsWritten() {
        for (Entity e : enriched.entities()) {
            for (Span s : e.mentions()) {
                String surface = text(s).substring(s.start(), s.end());
                assertFalse(surface.isBlank(), e.toString());
                if (e.type() == EntityType.COMPANY || e.type() == EntityType.CHIP) {
                    assertTrue(surface.equals(e.name()) || e.mentions().size() > 1, e + " " + surface);
                }
            }
        }
        for (Figure f : enriched.figures()) {
            assertEquals(f.text(), text(f.span()).substring(f.span().start(), f.span().end()));
        }
    }

    @Test
    void revenueFigureIsNormalisedAndLinked() {
        Figure revenue = enriched.figures().stream().filter(f -> f.text().equals("4.32亿元")).findFirst().orElseThrow();
        assertEquals(FigureKind.MONEY, revenue.kind());
        assertEquals(0, revenue.value().compareTo(new BigDecimal("432000000")));
        assertEquals("432000000", revenue.value().toPlainString());
        assertEquals("CNY", revenue.unit());
        assertEquals("主营业务收入", revenue.metric());
        assertEquals("摩尔线程", revenue.subject());
        assertEquals("2024年", revenue.period());
        assertFalse(revenue.yearOnYear());
        String json = ModelJson.encodeToString(revenue);
        assertTrue(json.contains("\"value\":432000000"), json);
    }

    @Test
    void otherFiguresOfTheIssue() {
        Map<String, Figure> byText = enriched.figures().stream()
                .collect(Collectors.toMap(Figure::text, f -> f, (a, b) -> a));
        Figure usd = byText.get("171.08亿美元");
        assertEquals("17108000000", usd.value().toPlainString());
        assertEquals("USD", usd.unit());
        assertEquals("2025财年", usd.period());
        Figure growth = byText.get("257.02%");
        assertEquals("257.02", growth.value().toPlainString());
        assertEquals("%", growth.unit());
        assertTrue(growth.yearOnYear());
        Figure count = byText.get("23万枚");
        assertEquals("230000", count.value().toPlainString());
        assertEquals("枚", count.unit());
        Figure range = byText.get("8%至9%");
        assertEquals("8", range.value().toPlainString());
        assertEquals("9", range.valueMax().toPlainString());
        assertEquals(1, enriched.figures().stream().filter(f -> f.text().contains("8%")).count());
    }

    @Test
    void tagsExportPolicyWithEvidence() {
        assertTrue(enriched.tags().contains(Tags.EXPORT_POLICY));
        assertFalse(enriched.evidence().isEmpty());
        assertTrue(enriched.evidence().stream().anyMatch(e -> e.sentence().contains("出口限制")));
    }

    @Test
    void peopleAndPlaces() {
        Map<String, Entity> people = byCanonical(EntityType.PERSON);
        assertTrue(people.containsKey("黄仁勋"), people.keySet().toString());
        assertTrue(people.containsKey("贝森特"), people.keySet().toString());
        assertFalse(people.containsKey("占比"));
        assertFalse(byCanonical(EntityType.PLACE).containsKey("丰宁"), "the author is not a place");
    }

    @Test
    void segmentedTextKeepsNamesWhole() {
        SegmentedText seg = enriched.segmented();
        assertNotNull(seg.body());
        List<String> words = List.of(seg.body().split(String.valueOf(SegmentedText.SEPARATOR)));
        for (String name : List.of("摩尔线程", "H20", "英伟达", "昆仑芯", "字节跳动", "阿里巴巴", "昇腾910C", "思元590")) {
            assertTrue(words.contains(name), name);
        }
        assertTrue(words.contains("MTT") && words.contains("S80"));
        assertEquals(enriched.article().body().length(), SegmentedText.unsegment(seg.body()).length());
    }

    @Test
    void keywordsHaveNoJunk() {
        assertFalse(enriched.keywords().isEmpty());
        for (String k : enriched.keywords()) {
            assertTrue(k.length() >= 2 && !k.equals("%") && !k.equals("H"), k);
        }
        assertFalse(enriched.digest().isBlank());
        assertFalse(enriched.digest().contains("免责声明"));
    }

    @Test
    void versionAndSchema() {
        assertEquals(ModelJson.SCHEMA_VERSION, enriched.schemaVersion());
        assertTrue(enriched.extractor().contains("kb/"), enriched.extractor());
        assertNotNull(enriched.enrichedAt());
    }
}
