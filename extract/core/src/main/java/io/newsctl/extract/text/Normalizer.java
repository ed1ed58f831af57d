package io.newsctl.extract.text;

import com.hankcs.hanlp.dictionary.other.CharTable;

/**
 * Length-preserving character normalisation: full-width forms to half-width, traditional Han
 * characters to simplified, odd spaces to U+0020. Every character maps to exactly one character,
 * so an offset into the normalised text is the same offset into the original: spans found on the
 * normalised text need no mapping back. ASCII case is kept.
 *
 * <p>Traditional → simplified uses HanLP's character table (one character at a time). Phrase-level
 * vocabulary differences (輝達 for 英伟达, 記憶體 for 内存) are not normalisation: the knowledge base
 * lists them as aliases. Immutable and thread-safe.
 */
public final class Normalizer {
    private static final char[] TABLE = buildTable();

    private Normalizer() {
    }

    /** The normalised text; same length as {@code text}. */
    public static String normalize(String text) {
        char[] out = text.toCharArray();
        boolean changed = false;
        for (int i = 0; i < out.length; i++) {
            char n = TABLE[out[i]];
            if (n != out[i]) {
                out[i] = n;
                changed = true;
            }
        }
        return changed ? new String(out) : text;
    }

    /** One character normalised. */
    public static char normalize(char c) {
        return TABLE[c];
    }

    /** ASCII letters lower-cased, everything else as is (the form dictionaries are matched on). */
    public static char[] foldCase(String normalized) {
        char[] out = normalized.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            if (c >= 'A' && c <= 'Z') {
                out[i] = (char) (c + 32);
            }
        }
        return out;
    }

    /** Normalised and case-folded, the key form of a dictionary entry. */
    public static String key(String text) {
        return new String(foldCase(normalize(text)));
    }

    private static char[] buildTable() {
        char[] table = new char[Character.MAX_VALUE + 1];
        for (int c = 0; c < table.length; c++) {
            table[c] = (char) c;
        }
        char[] hanlp = CharTable.CONVERT;
        for (int c = 0x3400; c <= 0x9FFF; c++) {
            char t = hanlp[c];
            if (t != c && Character.UnicodeScript.of(t) == Character.UnicodeScript.HAN) {
                table[c] = t;
            }
        }
        for (int c = 0xF900; c <= 0xFAFF; c++) { // CJK compatibility ideographs
            char t = hanlp[c];
            if (Character.UnicodeScript.of(t) == Character.UnicodeScript.HAN) {
                table[c] = t;
            }
        }
        // Characters that are correct simplified Chinese too; HanLP's table rewrites them.
        table['昇'] = '昇'; // 昇腾 (Ascend) is written with 昇 in simplified text
        table['乾'] = '乾';
        table['餘'] = '余';
        table['鍾'] = '钟';
        table['锺'] = '钟';
        table['著'] = '著';
        // Full-width ASCII block → ASCII, case kept.
        for (int c = 0xFF01; c <= 0xFF5E; c++) {
            table[c] = (char) (c - 0xFEE0);
        }
        table[0x3000] = ' '; // ideographic space
        table[0x00A0] = ' ';
        for (int c = 0x2000; c <= 0x200B; c++) {
            table[c] = ' ';
        }
        table[0x202F] = ' ';
        table[0x205F] = ' ';
        table[0xFEFF] = ' ';
        table[0xFFE5] = '¥';
        table[0xFFE0] = '¢';
        table[0xFFE1] = '£';
        table[0xFE6A] = '%'; // small percent sign
        table[0x2215] = '/';
        return table;
    }
}
