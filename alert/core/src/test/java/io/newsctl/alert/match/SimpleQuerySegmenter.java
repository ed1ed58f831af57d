package io.newsctl.alert.match;

import io.newsctl.index.search.QuerySegmenter;
import io.newsctl.model.SegmentedText;
import java.util.ArrayList;
import java.util.List;

/**
 * A segmenter that cuts differently from the documents' (the service uses extract's
 * {@code Extractor#queryTokens}): splits on white space and where Chinese meets Latin letters or
 * digits ({@code 英伟达H20} → {@code 英伟达}, {@code H20}) and keeps runs of Chinese whole, so tests
 * can show the {@code .std} fields still match such runs.
 */
public final class SimpleQuerySegmenter implements QuerySegmenter {
    @Override
    public List<String> words(String text) {
        List<String> words = new ArrayList<>();
        if (text == null) {
            return words;
        }
        StringBuilder current = new StringBuilder();
        int lastKind = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == SegmentedText.SEPARATOR) {
                flush(current, words);
                lastKind = -1;
                continue;
            }
            int kind = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN ? 1
                    : Character.isLetterOrDigit(cp) ? 2 : 3;
            if (kind != lastKind || kind == 3) {
                flush(current, words);
            }
            current.appendCodePoint(cp);
            lastKind = kind;
        }
        flush(current, words);
        return words;
    }

    private static void flush(StringBuilder current, List<String> words) {
        if (!current.isEmpty()) {
            words.add(current.toString());
            current.setLength(0);
        }
    }
}
