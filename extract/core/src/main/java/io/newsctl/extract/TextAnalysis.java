package io.newsctl.extract;

import io.newsctl.model.Entity;
import io.newsctl.model.Figure;
import io.newsctl.model.TagEvidence;
import java.util.List;

/**
 * What {@link Extractor#analyze(String)} found in a free text. Spans use the field name
 * {@value #FIELD} and offsets into the text exactly as given.
 *
 * @param entities companies, chips, people, places and organizations, one per entity, in order of first mention
 * @param figures  money, percentages and counts in reading order
 * @param tags     topic tags, e.g. {@code export-policy}
 * @param evidence for each tag, the sentences that triggered it
 * @param tokens   the text cut into words (normalised), with offsets
 */
public record TextAnalysis(List<Entity> entities, List<Figure> figures, List<String> tags, List<TagEvidence> evidence,
                           List<Token> tokens) {
    public static final String FIELD = "text";

    public TextAnalysis {
        entities = List.copyOf(entities);
        figures = List.copyOf(figures);
        tags = List.copyOf(tags);
        evidence = List.copyOf(evidence);
        tokens = List.copyOf(tokens);
    }
}
