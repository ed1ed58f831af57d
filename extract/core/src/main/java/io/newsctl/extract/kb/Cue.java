package io.newsctl.extract.kb;

/**
 * A cue word: for the export-policy tag (weight and class) or for figure metrics (metric and the
 * kind of figure it applies to).
 */
public record Cue(String term, String value, int weight, String cls) {
}
