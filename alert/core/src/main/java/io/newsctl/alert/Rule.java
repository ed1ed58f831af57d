package io.newsctl.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An alert rule: fire when a new article matches {@link #query()} (the search syntax of
 * {@link io.newsctl.index.search.UserQuery}) and every non-empty {@link #filters() filter}.
 * Instances come out of {@link RuleValidator}, so a stored rule is always valid.
 *
 * @param id          stable id; key of the rule on {@link io.newsctl.model.Topics#ALERT_RULES} and part of every alert id
 * @param name        what analysts see on the alert
 * @param query       words, "quoted phrases", -exclusions and OR, as in search; may be empty when
 *                    filters say enough
 * @param filters     tags (all required), companies / chips / sites (any of each list)
 * @param dedupWindow a story (same article, a repost of it, same content or same title) fires at
 *                    most once per rule within this window; {@link Duration#ZERO} switches it off.
 *                    The same article never fires twice for a rule, whatever the window.
 * @param channels    webhooks to call besides the {@code alerts} topic, which every alert goes to
 * @param enabled     a disabled rule is kept but never fires
 * @param version     1 on creation, +1 on every update
 * @param createdAt   when it was created
 * @param updatedAt   when it was last changed
 * @param owner       who created it through the API (the API key's name); null for rules seeded from
 *                    files, which only admins manage
 */
public record Rule(
        String id,
        String name,
        String query,
        RuleFilters filters,
        Duration dedupWindow,
        List<Channel> channels,
        boolean enabled,
        long version,
        Instant createdAt,
        Instant updatedAt,
        String owner) {

    public Rule(String id, String name, String query, RuleFilters filters, Duration dedupWindow, List<Channel> channels,
                boolean enabled, long version, Instant createdAt, Instant updatedAt) {
        this(id, name, query, filters, dedupWindow, channels, enabled, version, createdAt, updatedAt, null);
    }

    public Rule {
        query = query == null ? "" : query;
        filters = filters == null ? RuleFilters.NONE : filters;
        dedupWindow = dedupWindow == null ? Duration.ZERO : dedupWindow;
        channels = channels == null ? List.of() : List.copyOf(channels);
    }

    public Rule withOwner(String newOwner) {
        return new Rule(id, name, query, filters, dedupWindow, channels, enabled, version, createdAt, updatedAt,
                newOwner);
    }

    public List<Channel> webhooks() {
        return channels.stream().filter(c -> Channel.WEBHOOK.equals(c.type())).toList();
    }
}
