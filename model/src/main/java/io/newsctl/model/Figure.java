package io.newsctl.model;

import java.math.BigDecimal;

/**
 * A number the article states, normalised.
 *
 * @param kind       money, percentage or count
 * @param text       the figure as written (e.g. {@code 4.32亿元}, {@code 8%至9%})
 * @param value      the plain value (4.32亿元 → 432000000; 257.02% → 257.02); for a range, its low end
 * @param valueMax   for a range (8%至9%), its high end; null otherwise
 * @param unit       ISO currency code, {@code %}, or the measure word
 * @param metric     what is measured when the sentence says so (营收, 净利润, 市场份额 …); null otherwise
 * @param subject    canonical name of the entity the figure is about, when the sentence says so
 * @param period     the period the figure covers (2024年, 2025财年, 一季度 …), when stated
 * @param yearOnYear true when the figure is a year-on-year change (同比 …)
 * @param span       where it sits in the article
 */
public record Figure(
        FigureKind kind,
        String text,
        BigDecimal value,
        BigDecimal valueMax,
        String unit,
        String metric,
        String subject,
        String period,
        boolean yearOnYear,
        Span span) {
}
