package io.newsctl.alert;

import java.util.List;

/**
 * Structured conditions of a rule, matched against what extract found (exact values, case-insensitive).
 *
 * @param tags      tags the article must all carry, e.g. {@code export-policy}
 * @param companies companies (canonical name or knowledge-base id); the article must mention one
 * @param chips     chips (canonical name or knowledge-base id); the article must mention one
 * @param sites     hosts (e.g. {@code 36kr.com}); the article must come from one
 */
public record RuleFilters(List<String> tags, List<String> companies, List<String> chips, List<String> sites) {
    public static final RuleFilters NONE = new RuleFilters(List.of(), List.of(), List.of(), List.of());

    public RuleFilters {
        tags = tags == null ? List.of() : List.copyOf(tags);
        companies = companies == null ? List.of() : List.copyOf(companies);
        chips = chips == null ? List.of() : List.copyOf(chips);
        sites = sites == null ? List.of() : List.copyOf(sites);
    }

    public boolean isEmpty() {
        return tags.isEmpty() && companies.isEmpty() && chips.isEmpty() && sites.isEmpty();
    }
}
