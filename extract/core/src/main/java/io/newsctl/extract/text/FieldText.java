package io.newsctl.extract.text;

import java.util.Arrays;

/**
 * One field of an article (title, summary, body, or a free text) prepared for the rules: the original
 * text, its normalised form (same length, so offsets are shared), the case-folded form dictionaries
 * match on, and its sentences.
 */
public final class FieldText {
    private final String field;
    private final String original;
    private final String normalized;
    private final char[] folded;
    private final int[] sentenceStarts;
    private final int[] sentenceEnds;

    public FieldText(String field, String original) {
        this.field = field;
        this.original = original;
        this.normalized = Normalizer.normalize(original);
        this.folded = Normalizer.foldCase(normalized);
        int[][] sentences = Sentences.split(normalized);
        this.sentenceStarts = sentences[0];
        this.sentenceEnds = sentences[1];
    }

    public String field() {
        return field;
    }

    public String original() {
        return original;
    }

    public String normalized() {
        return normalized;
    }

    public char[] folded() {
        return folded;
    }

    public int length() {
        return original.length();
    }

    public int sentenceCount() {
        return sentenceStarts.length;
    }

    public int sentenceStart(int i) {
        return sentenceStarts[i];
    }

    public int sentenceEnd(int i) {
        return sentenceEnds[i];
    }

    /** Index of the sentence containing {@code pos}, or of the sentence just before it. */
    public int sentenceOf(int pos) {
        int i = Arrays.binarySearch(sentenceStarts, pos);
        if (i >= 0) {
            return i;
        }
        int insertion = -i - 1;
        return Math.max(0, insertion - 1);
    }

    /** Start of the clause containing {@code pos} (after the previous ，,;：: etc.). */
    public int clauseStart(int pos) {
        int floor = sentenceStarts.length == 0 ? 0 : sentenceStarts[sentenceOf(pos)];
        for (int i = pos - 1; i >= floor; i--) {
            if (Sentences.isClauseBreak(normalized, i)) {
                return i + 1;
            }
        }
        return floor;
    }

    /** End (exclusive) of the clause containing {@code pos}. */
    public int clauseEnd(int pos) {
        int ceiling = sentenceStarts.length == 0 ? normalized.length() : sentenceEnds[sentenceOf(pos)];
        for (int i = pos; i < ceiling; i++) {
            if (Sentences.isClauseBreak(normalized, i)) {
                return i;
            }
        }
        return ceiling;
    }

    /** Index of the paragraph (blank-line or newline separated block) containing {@code pos}. */
    public boolean sameParagraph(int a, int b) {
        int from = Math.min(a, b);
        int to = Math.max(a, b);
        for (int i = from; i < to; i++) {
            if (normalized.charAt(i) == '\n') {
                return false;
            }
        }
        return true;
    }
}
