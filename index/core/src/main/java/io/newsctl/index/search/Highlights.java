package io.newsctl.index.search;

import io.newsctl.model.SegmentedText;

/** Turns highlighter fragments of segmented text back into display text. */
final class Highlights {
    private Highlights() {
    }

    /**
     * Removes the word separators and joins adjacent matches: on the {@code standard} sub-field
     * every Chinese character is its own token, so 寒武纪 comes back as three {@code <em>} runs.
     */
    static String clean(String fragment) {
        String text = SegmentedText.unsegment(fragment);
        return text.replace("</em><em>", "");
    }

    /** Escapes text for HTML, as the highlighter's html encoder does. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#x27;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
