package io.newsctl.extract;

import static io.newsctl.extract.Fixtures.analyze;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.model.Entity;
import io.newsctl.model.Figure;
import io.newsctl.model.Span;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** analyze() offsets index the text exactly as given, whatever its script and width. */
class AnalyzeOffsetsTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "英伟达H20恢复供应,摩尔线程2024年营收4.32亿元,同比增长257.02%。",
        "輝達Ｈ２０恢復供應，台積電營收新台幣3,312億元，年增36.4%。",
        "ＮＶＩＤＩＡ的Ｈ２０芯片，营收１７１．０８亿美元，同比增长５６％。",
        "AMD (NASDAQ: AMD) shipped MI308 to 腾讯, revenue US$5.5 billion, up 8%至9%.",
    })
    void spansAreTheMentionsAsWritten(String text) {
        TextAnalysis a = analyze(text);
        assertTrue(!a.entities().isEmpty() && !a.figures().isEmpty(), a.toString());
        for (Entity e : a.entities()) {
            for (Span s : e.mentions()) {
                assertEquals(TextAnalysis.FIELD, s.field());
                String surface = text.substring(s.start(), s.end());
                assertEquals(e.canonical().isEmpty(), surface.isEmpty());
                assertTrue(surface.strip().equals(surface), surface);
            }
            assertEquals(e.name(), text.substring(e.mentions().get(0).start(), e.mentions().get(0).end()));
        }
        for (Figure f : a.figures()) {
            assertEquals(f.text(), text.substring(f.span().start(), f.span().end()));
        }
    }
}
