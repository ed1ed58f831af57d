package io.newsctl.extract;

import static io.newsctl.extract.Fixtures.analyze;
import static io.newsctl.extract.Fixtures.canonicals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.EntityType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeoplePlacesTest {
    @Test
    void bylineNameIsAPersonNotAPlace() {
        TextAnalysis a = analyze("本文来自微信公众号“半导体产业纵横”(ID:ICViews),作者:丰宁,36氪经授权发布。");
        assertTrue(canonicals(a, EntityType.PERSON).contains("丰宁"));
        assertFalse(canonicals(a, EntityType.PLACE).contains("丰宁"));
    }

    @Test
    void theCreditedAuthorIsAPerson() {
        EnrichedArticle e = Fixtures.EXTRACTOR.enrich(Articles.raw("标题", null, "丰宁认为国产GPU大有可为。", "丰宁"));
        assertTrue(e.entities().stream().anyMatch(x -> x.type() == EntityType.PERSON && x.canonical().equals("丰宁")));
        assertTrue(e.entities().stream().noneMatch(x -> x.type() == EntityType.PLACE));
    }

    @Test
    void junkIsNotAPerson() {
        TextAnalysis a = analyze("占比次之的是智算推理系列的GPU板卡,收入占比1.25%。一位车企高管透露,两用物项对美国出口受限。");
        assertEquals(List.of(), canonicals(a, EntityType.PERSON));
    }

    @Test
    void namesBetweenATitleAndASpeechVerb() {
        TextAnalysis a = analyze("百度集团执行副总裁沈抖表示,英伟达首席财务官科莱特·克雷斯表示,廣達董事長林百里日前表示。");
        assertEquals(List.of("沈抖", "科莱特·克雷斯", "林百里"), canonicals(a, EntityType.PERSON));
    }

    @Test
    void knownPeopleAndRecognisedNames() {
        TextAnalysis a = analyze("美国财政部长贝森特谈及英伟达时表示,黄仁勋近日在接受采访时也有回应。");
        assertTrue(canonicals(a, EntityType.PERSON).containsAll(List.of("贝森特", "黄仁勋")));
    }

    @Test
    void placesWrittenTogetherAreOnePlace() {
        TextAnalysis a = analyze("其中中国大陆贡献营收62亿美元,多国代表出席。");
        assertEquals(List.of("中国大陆"), canonicals(a, EntityType.PLACE));
    }
}
