package io.newsctl.ingest.parse;

import java.text.Normalizer;
import java.util.List;

/** Small text helpers shared by the extractors. Everything here is linear in its input. */
public final class Texts {
    private Texts() {
    }

    /**
     * One paragraph's text with every whitespace character (including U+00A0, U+3000, U+200A and line
     * breaks) turned into a single U+0020, invisible format characters dropped, and ends trimmed.
     */
    public static String normaliseSpace(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isSpace(c)) {
                pendingSpace = out.length() > 0;
            } else if (isInvisible(c)) {
                // dropped: zero-width space, BOM, soft hyphen, word joiner, control characters
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.append(c);
            }
        }
        return out.toString();
    }

    /** True for every character that renders as (or stands for) white space. */
    public static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B
                || c == 0x85 || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000
                || c == 0x180E || Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    private static boolean isInvisible(char c) {
        return c == 0x200B || c == 0xFEFF || c == 0x00AD || c == 0x2060
                || (c < 0x20) || (c >= 0x7F && c < 0xA0);
    }

    /** Joins paragraphs with a blank line, the body format of {@code RawArticle}. */
    public static String joinParagraphs(List<String> paragraphs) {
        return String.join("\n\n", paragraphs);
    }

    /** True for CJK ideographs (the basic block and extension A). */
    public static boolean isCjk(char c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF);
    }

    /** Sentence and clause punctuation, full-width and half-width, used as a signal of running text. */
    public static boolean isPunctuation(char c) {
        switch (c) {
            case '，', '。', '！', '？', '；', '：', '、', '“', '”', '‘', '’', '（', '）', '《', '》', '…', '—',
                 '「', '」', '『', '』', ',', '.', '!', '?', ';', ':', '"' -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** Visible length: CJK characters count one each, runs of Latin letters or digits count one word. */
    public static int weightedLength(String text) {
        int n = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) && !isCjk(c)) {
                if (!inWord) {
                    n++;
                    inWord = true;
                }
            } else {
                inWord = false;
                if (!isSpace(c)) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * Sentence punctuation in a text. ASCII {@code :} never counts, nor {@code .} and {@code ,} between
     * digits (times, prices, "2.3%", "1,000"): datelines and tables are not running text.
     */
    public static int countPunctuation(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isPunctuation(c) || c == ':') {
                continue;
            }
            if ((c == '.' || c == ',') && i > 0 && i + 1 < text.length()
                    && Character.isDigit(text.charAt(i - 1)) && Character.isDigit(text.charAt(i + 1))) {
                continue;
            }
            n++;
        }
        return n;
    }

    public static int countCjk(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (isCjk(text.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    /**
     * The comparison form of a text for hashing and near-duplicate detection: NFKC (full-width and
     * half-width punctuation fold together), lower case, no white space at all.
     */
    public static String fingerprintForm(String text) {
        if (text == null) {
            return "";
        }
        String nfkc = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        StringBuilder out = new StringBuilder(nfkc.length());
        for (int i = 0; i < nfkc.length(); i++) {
            char c = nfkc.charAt(i);
            if (!isSpace(c) && !isInvisible(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    public static String blankToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = normaliseSpace(s);
        return t.isEmpty() ? null : t;
    }

    /** Cuts a string to at most {@code max} chars, for log and error messages. */
    public static String abbreviate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max) + "…";
    }
}
