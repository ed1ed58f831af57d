package io.newsctl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsctl.extract.kb.KnowledgeBase;
import io.newsctl.extract.rules.FigureExtractor;
import io.newsctl.extract.text.FieldText;
import io.newsctl.model.Figure;
import io.newsctl.model.FigureKind;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The figure parser (4.32亿元 → 432,000,000 CNY) on hostile text: no exception escapes, every call
 * ends within a bound, every figure points at the text it was read from; and amounts written in the
 * forms it documents read back as the value and unit that were written.
 */
class FigureParserPropertyTest {
    private static final FigureExtractor FIGURES = new FigureExtractor(KnowledgeBase.load());
    private static final Duration BOUND = Duration.ofSeconds(5);
    private static final String NUMBERY = "0123456789０１２３４５６７８９.,，。．%％-~至到万亿千百十兆億萬元美港台币人民幣$¥€£"
            + "USDRMBbillionmillion 营收净利润同比增长下降枚台片辆年季度上半年第";

    @Property(tries = 300)
    void anyTextYieldsFiguresThatPointAtTheirText(@ForAll("texts") String text) {
        List<Figure> figures = assertTimeoutPreemptively(BOUND, () -> FIGURES.extract(new FieldText("body", text),
                List.of()), () -> "figures of " + text.length() + " chars took longer than " + BOUND);
        for (Figure f : figures) {
            assertNotNull(f.value(), f.toString());
            assertNotNull(f.kind(), f.toString());
            assertTrue(0 <= f.span().start() && f.span().start() < f.span().end() && f.span().end() <= text.length(),
                    f + " within " + text.length() + " chars");
            assertEquals(f.text(), text.substring(f.span().start(), f.span().end()), "figure text is the span");
        }
    }

    @Property(tries = 40)
    void theWholeAnalysisNeverThrowsOnHostileText(@ForAll("texts") String text) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Fixtures.analyze(text));
    }

    @Property(tries = 300)
    void writtenAmountsReadBack(@ForAll("amounts") Amount amount) {
        String text = "公司营收" + amount.written() + "，同比增长。";
        List<Figure> figures = FIGURES.extract(new FieldText("body", text), List.of());
        Figure f = figures.stream().filter(x -> x.text().equals(amount.written())).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + amount.written() + " in " + figures));
        assertEquals(FigureKind.MONEY, f.kind());
        assertEquals(0, amount.value().compareTo(f.value()), amount.written() + " → " + f.value());
        assertEquals(amount.unit(), f.unit(), amount.written());
    }

    /** An amount as written, with the value and unit it stands for. */
    record Amount(String written, BigDecimal value, String unit) {
    }

    @Provide
    Arbitrary<Amount> amounts() {
        Arbitrary<BigDecimal> number = Arbitraries.bigDecimals().between(BigDecimal.ONE, new BigDecimal("99999"))
                .ofScale(2);
        Arbitrary<String[]> magnitude = Arbitraries.of(new String[] {"", "1"}, new String[] {"万", "10000"},
                new String[] {"亿", "100000000"}, new String[] {"万亿", "1000000000000"});
        Arbitrary<String[]> currency = Arbitraries.of(new String[] {"元", "CNY"}, new String[] {"美元", "USD"},
                new String[] {"港元", "HKD"}, new String[] {"元人民币", "CNY"}, new String[] {"欧元", "EUR"});
        return Combinators.combine(number, magnitude, currency).as((n, m, c) -> {
            String digits = n.stripTrailingZeros().toPlainString();
            return new Amount(digits + m[0] + c[0], n.multiply(new BigDecimal(m[1])), c[1]);
        });
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> numbery = Arbitraries.strings().withChars(NUMBERY.toCharArray()).ofMaxLength(800);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(1500);
        Arbitrary<String> longDigits = Arbitraries.strings().numeric().ofMinLength(50).ofMaxLength(5000)
                .map(d -> "营收" + d + "亿元");
        Arbitrary<String> commas = Arbitraries.integers().between(1, 3000).map(n -> "1" + ",000".repeat(n) + "亿元");
        return Arbitraries.oneOf(numbery, anything, longDigits, commas);
    }
}
