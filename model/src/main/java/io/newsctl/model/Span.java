package io.newsctl.model;

/**
 * Where a mention sits: a field of the article ({@code title}, {@code summary} or {@code body}) and
 * character offsets into that field exactly as published (UTF-16 indexes, end exclusive), so
 * {@code field.substring(start, end)} is the mention as written.
 */
public record Span(String field, int start, int end) {
    public static final String TITLE = "title";
    public static final String SUMMARY = "summary";
    public static final String BODY = "body";

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }
}
