package io.newsctl.index.service;

import io.newsctl.index.search.ArticleQuery;
import io.newsctl.index.search.InvalidQueryException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Parses the date and sort parameters of the search API, with errors a user can act on. */
final class QueryDates {
    /** Dates without a time or an offset are days in China, where the articles are published. */
    static final ZoneId NEWS_ZONE = ZoneId.of("Asia/Shanghai");

    private QueryDates() {
    }

    static OffsetDateTime parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() > 40) {
                throw new DateTimeParseException("too long", text, 0);
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(NEWS_ZONE).toOffsetDateTime();
            }
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidQueryException("'" + name + "' must be a date like 2025-07-18 or 2025-07-18T07:12:00+08:00");
        }
    }

    /** An optional integer parameter within bounds; junk is a 400, not a binding error. */
    static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidQueryException("'" + name + "' must be a whole number from " + min + " to " + max);
    }

    static boolean bool(String name, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new InvalidQueryException("'" + name + "' must be true or false");
        };
    }

    static ArticleQuery.Sort sort(String value) {
        if (value == null || value.isBlank()) {
            return ArticleQuery.Sort.RELEVANCE;
        }
        try {
            return ArticleQuery.Sort.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidQueryException("sort must be 'relevance', 'date' (newest first) or 'oldest'");
        }
    }
}
