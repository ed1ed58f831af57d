package io.newsctl.extract.text;

import java.util.Arrays;

/** Sentence and clause boundaries of normalised Chinese (and mixed English) text. */
public final class Sentences {
    private Sentences() {
    }

    /**
     * Sentences as {@code [starts, ends]}: each ends after its terminal punctuation (。！？!? …); semicolons only end clauses or at a
     * line break; leading whitespace is skipped; empty sentences are dropped.
     */
    public static int[][] split(String text) {
        int n = text.length();
        int[] starts = new int[16];
        int[] ends = new int[16];
        int count = 0;
        int start = 0;
        for (int i = 0; i <= n; i++) {
            boolean end = i == n;
            int cut = i;
            if (!end) {
                char c = text.charAt(i);
                if (c == '\n' || c == '\r') {
                    end = true;
                } else if (isTerminal(text, i)) {
                    end = true;
                    cut = i + 1;
                    // keep closing quotes and brackets with the sentence they end
                    while (cut < n && isCloser(text.charAt(cut))) {
                        cut++;
                    }
                    i = cut - 1;
                }
            }
            if (end) {
                int s = start;
                while (s < cut && Character.isWhitespace(text.charAt(s))) {
                    s++;
                }
                int e = cut;
                while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
                    e--;
                }
                if (e > s) {
                    if (count == starts.length) {
                        starts = Arrays.copyOf(starts, count * 2);
                        ends = Arrays.copyOf(ends, count * 2);
                    }
                    starts[count] = s;
                    ends[count] = e;
                    count++;
                }
                start = Math.max(cut, i + 1);
            }
        }
        return new int[][] {Arrays.copyOf(starts, count), Arrays.copyOf(ends, count)};
    }

    static boolean isTerminal(String text, int i) {
        char c = text.charAt(i);
        switch (c) {
            case '。', '！', '？', '!', '?', '…':
                return true;
            case '.':
                // an English full stop, not a decimal point or an abbreviation dot inside a word
                return (i + 1 >= text.length() || text.charAt(i + 1) == ' ')
                        && i > 0 && !Character.isDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '.';
            default:
                return false;
        }
    }

    private static boolean isCloser(char c) {
        return c == '”' || c == '"' || c == '’' || c == '\'' || c == '」' || c == '』' || c == ')' || c == '）'
                || c == '》' || c == '…';
    }

    /** Characters that end a clause: commas, colons, semicolons and sentence ends. */
    public static boolean isClauseBreak(String text, int i) {
        char c = text.charAt(i);
        switch (c) {
            case ',', '，', ':', '：', ';', '；', '。', '!', '！', '?', '？', '\n':
                // a comma between digits is a thousands separator
                if (c == ',' && i > 0 && i + 1 < text.length() && Character.isDigit(text.charAt(i - 1))
                        && Character.isDigit(text.charAt(i + 1))) {
                    return false;
                }
                return true;
            default:
                return false;
        }
    }
}
