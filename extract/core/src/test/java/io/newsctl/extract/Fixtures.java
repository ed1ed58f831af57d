package io.newsctl.extract;

import io.newsctl.model.Entity;
import io.newsctl.model.EntityType;
import io.newsctl.model.Figure;
import java.util.List;
import java.util.Optional;

/** Small helpers over {@link TextAnalysis} for the rule tests. */
final class Fixtures {
    static final Extractor EXTRACTOR = Extractor.createDefault();

    private Fixtures() {
    }

    static TextAnalysis analyze(String text) {
        return EXTRACTOR.analyze(text);
    }

    static List<Entity> of(TextAnalysis a, EntityType type) {
        return a.entities().stream().filter(e -> e.type() == type).toList();
    }

    static List<String> ids(TextAnalysis a, EntityType type) {
        return of(a, type).stream().map(Entity::id).toList();
    }

    static List<String> canonicals(TextAnalysis a, EntityType type) {
        return of(a, type).stream().map(Entity::canonical).toList();
    }

    static Optional<Entity> entity(TextAnalysis a, EntityType type, String id) {
        return of(a, type).stream().filter(e -> id.equals(e.id())).findFirst();
    }

    static Figure figure(TextAnalysis a, String text) {
        return a.figures().stream().filter(f -> f.text().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no figure " + text + " in " + a.figures()));
    }
}
