package io.newsctl.alert.ledger;

import java.time.Instant;
import java.util.List;

/**
 * What the alert stage decided about one article, stored on {@link io.newsctl.model.Topics#ALERT_LEDGER}
 * keyed by article id, in the same transaction as the alerts it fired. Its presence means "already
 * seen": redelivery, reprocessing or an update of the article fires nothing.
 *
 * @param schemaVersion {@link io.newsctl.model.ModelJson#SCHEMA_VERSION}
 * @param articleId     the article
 * @param firstSeenAt   when the alert stage first saw it
 * @param fingerprints  the story keys of the article (see {@link Fingerprints}) for dedup windows
 * @param fired         the alerts it fired
 */
public record LedgerEntry(int schemaVersion, String articleId, Instant firstSeenAt, List<String> fingerprints,
                          List<Fired> fired) {

    /** One alert fired for the article. */
    public record Fired(String ruleId, String alertId, Instant firedAt) {
    }

    public LedgerEntry {
        fingerprints = fingerprints == null ? List.of() : List.copyOf(fingerprints);
        fired = fired == null ? List.of() : List.copyOf(fired);
    }
}
