package io.newsctl.model;

/** What a {@link Figure} measures. */
public enum FigureKind {
    /** An amount of money; unit is an ISO 4217 code (CNY, USD, HKD, TWD, EUR, JPY …). */
    MONEY,
    /** A percentage; unit is {@code %}. */
    PERCENT,
    /** A count of things; unit is the measure word (枚, 台, 片, 家 …). */
    COUNT
}
