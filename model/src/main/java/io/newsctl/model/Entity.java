package io.newsctl.model;

import java.util.List;

/**
 * A company, chip, person, place or organization the article mentions, merged over all its mentions.
 *
 * @param type      what it is
 * @param name      the first mention as written in the article (e.g. {@code 輝達} or {@code NVIDIA})
 * @param canonical the canonical display name (e.g. {@code 英伟达}); equals {@code name} when unknown
 * @param id        the knowledge-base id (e.g. {@code nvidia}, {@code nvidia-h20}); null when the entity
 *                  is not in the knowledge base (people and places recognised by the segmenter)
 * @param vendor    for chips, the canonical name of the company that makes it; null otherwise
 * @param mentions  every place it is mentioned
 */
public record Entity(EntityType type, String name, String canonical, String id, String vendor, List<Span> mentions) {
    public Entity {
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
    }

    public int count() {
        return mentions.size();
    }
}
