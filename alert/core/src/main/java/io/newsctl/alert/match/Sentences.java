package io.newsctl.alert.match;

import io.newsctl.model.SegmentedText;

/** Finds the sentence around a position of (segmented or plain) article text. */
final class Sentences {
    static final int MAX_EVIDENCE = 300;

    private Sentences() {
    }

    /** Start (inclusive) and end (exclusive) of the sentence holding [start, end). */
    static int[] around(String text, int start, int end) {
        int from = Math.max(0, Math.min(start, text.length()));
        while (from > 0 && !isEnd(text, from - 1)) {
            from--;
        }
        int to = Math.max(from, Math.min(end, text.length()));
        while (to < text.length() && !isEnd(text, to)) {
            to++;
        }
        if (to < text.length()) {
            to++; // keep the terminator
        }
        return new int[] {from, to};
    }

    /** The display form of a slice: separators removed, blank runs collapsed, trimmed, capped. */
    static String display(String slice, int focus) {
        String text = SegmentedText.unsegment(slice).replaceAll("\\s+", " ").strip();
        if (text.length() <= MAX_EVIDENCE) {
            return text;
        }
        int from = Math.max(0, Math.min(focus, text.length()) - MAX_EVIDENCE / 3);
        int to = Math.min(text.length(), from + MAX_EVIDENCE);
        return (from > 0 ? "…" : "") + text.substring(from, to) + (to < text.length() ? "…" : "");
    }

    private static boolean isEnd(String text, int i) {
        char c = text.charAt(i);
        return switch (c) {
            case '。', '！', '？', '!', '?', '；', ';', '\n' -> true;
            // an ASCII full stop ends a sentence only before a space or the end (not in 3.5 or H20.exe)
            case '.' -> i + 1 >= text.length() || Character.isWhitespace(text.charAt(i + 1))
                    && text.charAt(i + 1) != SegmentedText.SEPARATOR;
            default -> false;
        };
    }
}
