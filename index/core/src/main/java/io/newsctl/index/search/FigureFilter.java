package io.newsctl.index.search;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A condition on the figures an article states, as researchers write it: {@code 营收>=10亿CNY},
 * {@code 净利润>5000万元}, {@code 市场份额>=20%}, {@code 出货量<100万台}. Metric, then an operator
 * ({@code >= > <= < =}, or {@code ≥ ≤}), then a number with an optional Chinese multiplier (万, 亿,
 * 万亿, 千) and an optional unit (an ISO currency code, {@code %}, 元/美元/港元…, or a measure word).
 * Parsed by hand: nothing of the input reaches Elasticsearch except as a term or a number.
 *
 * @param metric   the figure's metric, matched exactly (e.g. 营收)
 * @param operator the comparison
 * @param value    the plain value (10亿 → 1000000000)
 * @param unit     the unit the figure must have, or null for any
 */
public record FigureFilter(String metric, Operator operator, BigDecimal value, String unit) {
    public enum Operator { GT, GTE, LT, LTE, EQ }

    private static final Pattern SYNTAX = Pattern.compile(
            "^\\s*([^<>=≥≤\\s]{1,20})\\s*(>=|<=|≥|≤|>|<|==|=)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*(万亿|千万|百万|亿|万|千)?\\s*(\\S{0,8}?)\\s*$");
    private static final Map<String, BigDecimal> MULTIPLIERS = Map.of(
            "千", new BigDecimal("1000"),
            "万", new BigDecimal("10000"),
            "百万", new BigDecimal("1000000"),
            "千万", new BigDecimal("10000000"),
            "亿", new BigDecimal("100000000"),
            "万亿", new BigDecimal("1000000000000"));
    private static final Map<String, String> CURRENCIES = Map.ofEntries(
            Map.entry("元", "CNY"), Map.entry("人民币", "CNY"), Map.entry("人民币元", "CNY"), Map.entry("RMB", "CNY"),
            Map.entry("美元", "USD"), Map.entry("港元", "HKD"), Map.entry("港币", "HKD"), Map.entry("新台币", "TWD"),
            Map.entry("台币", "TWD"), Map.entry("欧元", "EUR"), Map.entry("日元", "JPY"), Map.entry("韩元", "KRW"));
    private static final Pattern ISO_CURRENCY = Pattern.compile("[A-Za-z]{3}");
    private static final Pattern MEASURE_WORD = Pattern.compile("[\\p{IsHan}]{1,3}|%|％");

    public FigureFilter {
        if (metric == null || metric.isBlank() || operator == null || value == null) {
            throw new InvalidQueryException("a figure filter needs a metric, an operator and a number");
        }
    }

    /** Parses {@code 营收>=10亿CNY}; throws {@link InvalidQueryException} with a message for the user. */
    public static FigureFilter parse(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidQueryException("empty figure filter");
        }
        if (input.length() > 60) {
            throw new InvalidQueryException("figure filter is too long");
        }
        Matcher m = SYNTAX.matcher(input);
        if (!m.matches()) {
            throw new InvalidQueryException("figure filter '" + input.strip()
                    + "' not understood: write metric, operator, number and unit, e.g. 营收>=10亿CNY or 毛利率>20%");
        }
        Operator operator = switch (m.group(2)) {
            case ">=", "≥" -> Operator.GTE;
            case "<=", "≤" -> Operator.LTE;
            case ">" -> Operator.GT;
            case "<" -> Operator.LT;
            default -> Operator.EQ;
        };
        BigDecimal value = new BigDecimal(m.group(3));
        if (m.group(4) != null) {
            value = value.multiply(MULTIPLIERS.get(m.group(4)));
        }
        return new FigureFilter(m.group(1), operator, value.stripTrailingZeros(), unit(m.group(5), input));
    }

    private static String unit(String text, String input) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.equals("%") || text.equals("％")) {
            return "%";
        }
        String currency = CURRENCIES.get(text.toUpperCase(Locale.ROOT).equals("RMB") ? "RMB" : text);
        if (currency != null) {
            return currency;
        }
        if (ISO_CURRENCY.matcher(text).matches()) {
            return text.toUpperCase(Locale.ROOT);
        }
        if (MEASURE_WORD.matcher(text).matches()) {
            return text;
        }
        throw new InvalidQueryException("unknown unit '" + text + "' in figure filter '" + input.strip()
                + "': use a currency code (CNY, USD …), 元/美元/港元, % or a measure word (台, 枚 …)");
    }

    /** The filter as the API and UI show it, e.g. {@code 营收>=1000000000CNY}. */
    @Override
    public String toString() {
        String op = switch (operator) {
            case GT -> ">";
            case GTE -> ">=";
            case LT -> "<";
            case LTE -> "<=";
            case EQ -> "=";
        };
        return metric + op + value.toPlainString() + (unit == null ? "" : unit);
    }
}
