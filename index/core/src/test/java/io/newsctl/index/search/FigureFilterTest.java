package io.newsctl.index.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class FigureFilterTest {

    @Test
    void chineseMultipliersAndCurrencies() {
        FigureFilter f = FigureFilter.parse("营收>=10亿CNY");
        assertEquals("营收", f.metric());
        assertEquals(FigureFilter.Operator.GTE, f.operator());
        assertEquals(0, new BigDecimal("1000000000").compareTo(f.value()));
        assertEquals("CNY", f.unit());
        assertEquals("CNY", FigureFilter.parse("净利润 > 5000万元").unit());
        assertEquals(0, new BigDecimal("50000000").compareTo(FigureFilter.parse("净利润 > 5000万元").value()));
        assertEquals(0, new BigDecimal("50000000").compareTo(FigureFilter.parse("净利润>5千万元").value()));
        assertEquals(0, new BigDecimal("2000000000000").compareTo(FigureFilter.parse("市值≥2万亿美元").value()));
        assertEquals("USD", FigureFilter.parse("市值≥2万亿美元").unit());
        assertEquals("HKD", FigureFilter.parse("营收<=3.5亿hkd").unit());
    }

    @Test
    void percentagesCountsAndNoUnit() {
        assertEquals("%", FigureFilter.parse("毛利率<20%").unit());
        assertEquals(FigureFilter.Operator.LT, FigureFilter.parse("毛利率<20%").operator());
        assertEquals("台", FigureFilter.parse("出货量>=100万台").unit());
        assertNull(FigureFilter.parse("营收=5").unit());
        assertEquals(FigureFilter.Operator.EQ, FigureFilter.parse("营收=5").operator());
        assertEquals(FigureFilter.Operator.LTE, FigureFilter.parse("营收≤5").operator());
    }

    @Test
    void badFiltersSayWhatIsExpected() {
        for (String bad : List.of("", "营收", "营收>>10", ">=10亿", "营收>=abc", "营收>=10亿XYZW", "营收>=10亿 CNY extra",
                "营收>=1e9", "营收>=-5", "x".repeat(61), "营收>=10亿<script>")) {
            InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> FigureFilter.parse(bad), bad);
            assertTrue(!e.getMessage().isBlank());
        }
    }
}
