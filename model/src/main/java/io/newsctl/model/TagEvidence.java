package io.newsctl.model;

import java.util.List;

/**
 * Why an article carries a tag: the sentence that triggered it and the cue terms found in it.
 */
public record TagEvidence(String tag, String sentence, List<String> terms, Span span) {
    public TagEvidence {
        terms = terms == null ? List.of() : List.copyOf(terms);
    }
}
