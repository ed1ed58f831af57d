package io.newsctl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.newsctl.extract.text.Normalizer;
import org.junit.jupiter.api.Test;

class NormalizerTest {
    @Test
    void fullWidthBecomesHalfWidthAndKeepsCase() {
        assertEquals("NVIDIA H20 171.08亿美元, 5%", Normalizer.normalize("ＮＶＩＤＩＡ　Ｈ２０　１７１．０８亿美元，　５％"));
        assertEquals("xAI", Normalizer.normalize("ｘＡＩ"));
    }

    @Test
    void traditionalBecomesSimplified() {
        assertEquals("辉达与台积电营收年增", Normalizer.normalize("輝達與台積電營收年增"));
        assertEquals("腾讯控股", Normalizer.normalize("騰訊控股"));
    }

    @Test
    void simplifiedCharactersThatHanLpWouldRewriteStay() {
        assertEquals("华为昇腾910C", Normalizer.normalize("华为昇腾910C"));
        assertEquals("著名", Normalizer.normalize("著名"));
    }

    @Test
    void lengthNeverChangesSoOffsetsAreShared() {
        String text = "ＡＭＤ（超微）與輝達：Ｈ２０出貨，年增３６．４％\u3000ok";
        assertEquals(text.length(), Normalizer.normalize(text).length());
    }

    @Test
    void keyFoldsAsciiCaseOnly() {
        assertEquals("nvidia英伟达", Normalizer.key("ＮＶＩＤＩＡ英偉達"));
    }
}
