package io.newsctl.extract;

import static io.newsctl.extract.Fixtures.EXTRACTOR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.extract.text.Normalizer;
import io.newsctl.model.EnrichedArticle;
import io.newsctl.model.SegmentedText;
import java.util.List;
import org.junit.jupiter.api.Test;

class SegmentationTest {
    @Test
    void queriesAreCutLikeDocuments() {
        assertEquals(List.of("摩尔线程", "MTT", "S80"), EXTRACTOR.queryTokens("摩尔线程 MTT S80"));
        assertEquals(List.of("辉达", "H20", "出口"), EXTRACTOR.queryTokens("輝達Ｈ２０出口"), "normalised text, not canonical names");
        assertEquals(List.of("字节跳动", "昇腾910C"), EXTRACTOR.queryTokens("字节跳动，昇腾910C"));
        assertEquals(List.of(), EXTRACTOR.queryTokens("  "));
    }

    @Test
    void queryWordsAppearInTheSegmentedDocument() {
        EnrichedArticle e = EXTRACTOR.enrich(Articles.raw("輝達H20恢復供應", null, "英伟达宣布对华特供版H20算力芯片恢复供应。", null));
        List<String> words = List.of(e.segmented().body().split(String.valueOf(SegmentedText.SEPARATOR)));
        for (String q : EXTRACTOR.queryTokens("英伟达 H20 恢复供应")) {
            assertTrue(words.contains(q), q + " not in " + words);
        }
        List<String> title = List.of(e.segmented().title().split(String.valueOf(SegmentedText.SEPARATOR)));
        assertTrue(title.contains("辉达"), title.toString());
        assertTrue(title.contains("H20"), title.toString());
    }

    @Test
    void segmentedTextIsTheNormalisedTextWithBoundaries() {
        String body = "ＡＭＤ（超微）的MI308晶片與輝達Ｈ２０競爭。\n\n第二段 with English words.";
        EnrichedArticle e = EXTRACTOR.enrich(Articles.raw("t", "摘要", body, null));
        assertEquals(Normalizer.normalize(body), SegmentedText.unsegment(e.segmented().body()));
        assertEquals("摘要", SegmentedText.unsegment(e.segmented().summary()));
        for (String word : e.segmented().body().split(String.valueOf(SegmentedText.SEPARATOR))) {
            assertTrue(!word.isEmpty() && (word.isBlank() || word.strip().equals(word)), "word '" + word + "'");
        }
    }

    @Test
    void tokensCoverTheTextWithOffsets() {
        String text = "華為昇騰910C對標Ｈ２０，摩尔线程MTT S80也在列。";
        TextAnalysis a = EXTRACTOR.analyze(text);
        int at = 0;
        for (Token t : a.tokens()) {
            assertEquals(at, t.start());
            assertEquals(Normalizer.normalize(text.substring(t.start(), t.end())), t.word());
            at = t.end();
        }
        assertEquals(text.length(), at);
        assertTrue(a.tokens().stream().anyMatch(t -> t.word().equals("昇腾910C")));
        assertTrue(a.tokens().stream().anyMatch(t -> t.word().equals("摩尔线程")));
    }
}
