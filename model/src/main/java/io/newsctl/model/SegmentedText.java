package io.newsctl.model;

/**
 * Title and body cut into words by the pipeline's segmenter, words separated by
 * {@link #SEPARATOR}. The text between separators is the normalised text (half-width, simplified),
 * so removing the separators gives back the normalised article text. Elasticsearch indexes these
 * with a whitespace tokenizer; U+200A is whitespace to it, but never occurs in article text
 * (ingest turns every space character into U+0020).
 */
public record SegmentedText(String title, String summary, String body) {
    /** HAIR SPACE: a word boundary the search engine splits on and the display removes. */
    public static final char SEPARATOR = '\u200A';

    /** The text with word boundaries removed. */
    public static String unsegment(String segmented) {
        return segmented == null ? null : segmented.replace(String.valueOf(SEPARATOR), "");
    }
}
