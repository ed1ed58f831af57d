package io.newsctl.extract;

import static io.newsctl.extract.Fixtures.analyze;
import static io.newsctl.extract.Fixtures.figure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.model.Figure;
import io.newsctl.model.FigureKind;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FigureExtractionTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "营收4.32亿元。 | 4.32亿元 | MONEY | 432000000 | CNY",
        "营收171.08亿美元。 | 171.08亿美元 | MONEY | 17108000000 | USD",
        "同比增长257.02%。 | 257.02% | PERCENT | 257.02 | %",
        "买了23万枚。 | 23万枚 | COUNT | 230000 | 枚",
        "募资39.85亿元。 | 39.85亿元 | MONEY | 3985000000 | CNY",
        "市值约5.5萬億港元。 | 5.5萬億港元 | MONEY | 5500000000000 | HKD",
        "营收新台幣3,312億元。 | 新台幣3,312億元 | MONEY | 331200000000 | TWD",
        "累计新台幣2兆7,630億元。 | 新台幣2兆7,630億元 | MONEY | 2763000000000 | TWD",
        "收入1,845億元人民幣。 | 1,845億元人民幣 | MONEY | 184500000000 | CNY",
        "营收４６７．４亿美元。 | ４６７．４亿美元 | MONEY | 46740000000 | USD",
        "估值达US$5.5 billion。 | US$5.5 billion | MONEY | 5500000000 | USD",
        "售价4499元起。 | 4499元 | MONEY | 4499 | CNY",
        "交付2万辆,出货100万台。 | 2万辆 | COUNT | 20000 | 辆",
        "增速为-5%。 | -5% | PERCENT | -5 | %",
    })
    void valuesAreNormalised(String text, String figureText, FigureKind kind, String value, String unit) {
        Figure f = figure(analyze(text), figureText);
        assertEquals(kind, f.kind());
        assertEquals(value, f.value().toPlainString());
        assertEquals(unit, f.unit());
        assertEquals(figureText, text.substring(f.span().start(), f.span().end()), "span is the figure as written");
    }

    @Test
    void rangesAreOneFigure() {
        TextAnalysis a = analyze("收入可能下降8%至9%,全年营收50亿元至70亿元,另有10-20亿元和3~5%。");
        Figure pct = figure(a, "8%至9%");
        assertEquals("8", pct.value().toPlainString());
        assertEquals("9", pct.valueMax().toPlainString());
        Figure money = figure(a, "50亿元至70亿元");
        assertEquals("7000000000", money.valueMax().toPlainString());
        assertEquals("1000000000", figure(a, "10-20亿元").value().toPlainString());
        assertEquals("5", figure(a, "3~5%").valueMax().toPlainString());
        assertEquals(4, a.figures().size());
    }

    @Test
    void notFigures() {
        TextAnalysis a = analyze("毛利率下降0.83个百分点;第3家工厂于2025年7月15日投产,采用3nm工艺,算力560TOPS,提升3倍,"
                + "H20和PM2.5以及ISO9001,发行1.6亿股。");
        assertTrue(a.figures().isEmpty(), a.figures().toString());
    }

    @Test
    void metricSubjectPeriodAndYearOnYear() {
        TextAnalysis a = analyze("摩尔线程招股书显示,2024年公司主营业务收入达到4.32亿元,同比大增257.02%。"
                + "海光信息2024年实现总营收91.62亿元,同比增长52.40%;归母净利润实现19.29亿元。");
        Figure revenue = figure(a, "4.32亿元");
        assertEquals("主营业务收入", revenue.metric());
        assertEquals("摩尔线程", revenue.subject());
        assertEquals("2024年", revenue.period());
        assertFalse(revenue.yearOnYear());
        Figure growth = figure(a, "257.02%");
        assertTrue(growth.yearOnYear());
        assertEquals("主营业务收入", growth.metric());
        Figure profit = figure(a, "19.29亿元");
        assertEquals("归母净利润", profit.metric());
        assertEquals("海光信息", profit.subject());
        assertEquals("2024年", profit.period());
    }

    @Test
    void aPercentageOfRevenueIsAShareNotRevenue() {
        TextAnalysis a = analyze("2022年以桌面级图形加速业务贡献71.44%主营收入;研发人员占员工总数的77.95%;美国占比47%。");
        assertEquals("占比", figure(a, "71.44%").metric());
        assertEquals("占比", figure(a, "77.95%").metric());
        assertEquals("占比", figure(a, "47%").metric());
    }

    @Test
    void theBaseOfAComparisonIsNotAChange() {
        TextAnalysis a = analyze("英伟达2025财年中国区营收171.08亿美元,比前一年103.06亿美元增长66%。归母净利润10.38亿元,上年同期亏损5.30亿元。");
        assertFalse(figure(a, "103.06亿美元").yearOnYear());
        assertTrue(figure(a, "66%").yearOnYear());
        assertFalse(figure(a, "5.30亿元").yearOnYear());
        assertEquals("亏损", figure(a, "5.30亿元").metric());
    }

    @Test
    void subjectsOfListsAndSources() {
        TextAnalysis a = analyze("据Omdia统计,最大买家分别是微软(48.5万枚)、字节跳动(23万枚)。IDC数据显示,出货量同比增长3%。");
        assertEquals("微软", figure(a, "48.5万枚").subject());
        assertEquals("字节跳动", figure(a, "23万枚").subject());
        assertNull(figure(a, "3%").subject(), "a source is not the subject");
    }

    @Test
    void hongKongAndTaiwanGrowthWording() {
        TextAnalysis a = analyze("騰訊第二季收入按年增長15%。台積電9月營收較8月增加0.4%,年增36.4%。");
        assertTrue(figure(a, "15%").yearOnYear());
        assertFalse(figure(a, "0.4%").yearOnYear());
        assertTrue(figure(a, "36.4%").yearOnYear());
        assertEquals(List.of("15%", "0.4%", "36.4%"), a.figures().stream().map(Figure::text).toList());
    }
}
