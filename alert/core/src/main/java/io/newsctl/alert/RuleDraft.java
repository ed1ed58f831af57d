package io.newsctl.alert;

import java.util.List;

/**
 * A rule as a client writes it (the REST API's request body, a file under {@code samples/rules}).
 * {@link RuleValidator} turns it into a {@link Rule} or says what is wrong.
 *
 * @param id          optional on creation (generated when absent): lower-case letters, digits, {@code . _ -}
 * @param name        required
 * @param query       search syntax; optional when filters are given
 * @param filters     optional
 * @param dedupWindow ISO-8601 ({@code PT24H}) or short ({@code 30m}, {@code 24h}, {@code 7d}, {@code 0});
 *                    default {@link RuleValidator#DEFAULT_DEDUP_WINDOW}
 * @param channels    optional webhooks
 * @param enabled     default true
 */
public record RuleDraft(
        String id,
        String name,
        String query,
        RuleFilters filters,
        String dedupWindow,
        List<Channel> channels,
        Boolean enabled) {
}
