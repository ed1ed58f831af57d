package io.newsctl.extract;

/**
 * A word of the segmented text.
 *
 * @param word   the word in normalised form (half-width, simplified; ASCII case kept)
 * @param start  start offset in the analysed text (original and normalised offsets are the same)
 * @param end    end offset, exclusive
 * @param nature part-of-speech tag (HanLP's PKU-style tags; {@code nt} companies and organizations,
 *               {@code nz} chips, {@code nr} people, {@code w} punctuation, {@code x} whitespace)
 */
public record Token(String word, int start, int end, String nature) {
}
