package io.newsctl.extract.rules;

/**
 * Where a Latin word or a number starts in mixed Chinese/Latin text: a character of the wanted range
 * not glued to an ASCII letter or digit (or another joining character) before it.
 *
 * <p>This is what a leading lookbehind such as {@code (?<![A-Za-z0-9_.])\d} says, found by a scan: a
 * regex {@code find} tries the lookbehind's character class at every position of a 4,000-character
 * body, which made two such patterns 7 % of the extract service's time. The patterns are then matched
 * with {@code lookingAt} at the starts found here only.
 */
final class WordStarts {
    private WordStarts() {
    }

    /** First index ≥ {@code from} holding a character in {@code [lo, hi]} that is not joined to the one before it; -1 if none. */
    static int next(String text, int from, char lo, char hi, String joining) {
        for (int i = Math.max(0, from); i < text.length(); i++) {
            if (startsAt(text, i, lo, hi, joining)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether a word of {@code [lo, hi]} starts at {@code i} (false past the end). */
    static boolean startsAt(String text, int i, char lo, char hi, String joining) {
        if (i < 0 || i >= text.length()) {
            return false;
        }
        char c = text.charAt(i);
        return c >= lo && c <= hi && !joinedBefore(text, i, joining);
    }

    /** Whether the character before {@code i} is an ASCII letter or digit or one of {@code joining}. */
    static boolean joinedBefore(String text, int i, String joining) {
        if (i == 0) {
            return false;
        }
        char c = text.charAt(i - 1);
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || joining.indexOf(c) >= 0;
    }
}
