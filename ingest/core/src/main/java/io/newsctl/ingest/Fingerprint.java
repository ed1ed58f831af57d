package io.newsctl.ingest;

import io.newsctl.ingest.parse.Texts;
import io.newsctl.model.ArticleIds;

/**
 * The duplicate-detection fingerprint of an article body: the exact content hash and a 64-bit
 * SimHash (Charikar) over character 3-grams, both taken from the body in comparison form (NFKC,
 * lower case, no white space) so full-width/half-width punctuation and spacing do not matter.
 * Small enough to store next to the article for later, persistent dedup.
 *
 * @param contentHash hex SHA-256 of the comparison form (same as {@code RawArticle.contentHash})
 * @param simHash     64-bit SimHash; near-duplicates differ in few bits
 * @param length      characters in the comparison form (SimHash is unreliable for very short texts)
 */
public record Fingerprint(String contentHash, long simHash, int length) {
    private static final int SHINGLE = 3;

    public static Fingerprint of(String body) {
        String form = Texts.fingerprintForm(body);
        return new Fingerprint(ArticleIds.contentHash(form), simHash(form), form.length());
    }

    /** {@code RawArticle.contentHash} of a body. */
    public static String contentHash(String body) {
        return ArticleIds.contentHash(Texts.fingerprintForm(body));
    }

    public int distance(Fingerprint other) {
        return Long.bitCount(simHash ^ other.simHash);
    }

    /** SimHash of a comparison-form text over overlapping character 3-grams, each weighted 1. */
    static long simHash(String form) {
        if (form.isEmpty()) {
            return 0L;
        }
        int[] votes = new int[64];
        int shingles = Math.max(1, form.length() - SHINGLE + 1);
        for (int i = 0; i < shingles; i++) {
            long h = hash(form, i, Math.min(form.length(), i + SHINGLE));
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((h >>> bit) & 1L) != 0 ? 1 : -1;
            }
        }
        long result = 0L;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                result |= 1L << bit;
            }
        }
        return result;
    }

    /** FNV-1a over the chars, then MurmurHash3's 64-bit finaliser so every output bit depends on every input. */
    private static long hash(String s, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }
}
