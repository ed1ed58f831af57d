package io.newsctl.alert.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The in-memory state of the ledger topic: which articles were seen (and when), and for each rule
 * when each story fingerprint last fired. Rebuilt from the compacted topic at start-up and kept
 * current by applying every entry written. Entries older than the retention are forgotten, as the
 * topic forgets them; articles that old are past the stage's maximum article age anyway.
 *
 * <p>Not thread-safe: owned by the matching stage's thread.
 */
public final class FiringLedger {
    /** When a rule last fired for a story fingerprint, and which alert that was. */
    public record LastFired(String alertId, Instant firedAt) {
    }

    private final Duration retention;
    private final Map<String, Instant> seen = new HashMap<>();
    private final Map<String, Map<String, LastFired>> firedByRule = new HashMap<>();

    public FiringLedger(Duration retention) {
        this.retention = retention;
    }

    public boolean seen(String articleId) {
        return seen.containsKey(articleId);
    }

    public LastFired lastFired(String ruleId, String fingerprint) {
        Map<String, LastFired> byFingerprint = firedByRule.get(ruleId);
        return byFingerprint == null ? null : byFingerprint.get(fingerprint);
    }

    public void apply(LedgerEntry entry) {
        seen.merge(entry.articleId(), entry.firstSeenAt(), (a, b) -> a.isBefore(b) ? a : b);
        for (LedgerEntry.Fired fired : entry.fired()) {
            Map<String, LastFired> byFingerprint = firedByRule.computeIfAbsent(fired.ruleId(), k -> new HashMap<>());
            for (String fingerprint : entry.fingerprints()) {
                byFingerprint.merge(fingerprint, new LastFired(fired.alertId(), fired.firedAt()),
                        (a, b) -> a.firedAt().isAfter(b.firedAt()) ? a : b);
            }
        }
    }

    /** Forgets what is older than the retention. */
    public void prune(Instant now) {
        Instant horizon = now.minus(retention);
        seen.values().removeIf(t -> t.isBefore(horizon));
        for (Iterator<Map<String, LastFired>> it = firedByRule.values().iterator(); it.hasNext(); ) {
            Map<String, LastFired> byFingerprint = it.next();
            byFingerprint.values().removeIf(f -> f.firedAt().isBefore(horizon));
            if (byFingerprint.isEmpty()) {
                it.remove();
            }
        }
    }

    public int size() {
        return seen.size();
    }

    /**
     * Decisions of one batch, visible to later articles of the same batch, applied to the ledger only
     * once the batch's output is stored ({@link #commit()}); dropped if it is not.
     */
    public final class Pending {
        private final List<LedgerEntry> entries = new ArrayList<>();
        private final FiringLedger overlay = new FiringLedger(retention);

        public boolean seen(String articleId) {
            return overlay.seen(articleId) || FiringLedger.this.seen(articleId);
        }

        public LastFired lastFired(String ruleId, String fingerprint) {
            LastFired mine = overlay.lastFired(ruleId, fingerprint);
            return mine != null ? mine : FiringLedger.this.lastFired(ruleId, fingerprint);
        }

        public void add(LedgerEntry entry) {
            entries.add(entry);
            overlay.apply(entry);
        }

        public List<LedgerEntry> entries() {
            return List.copyOf(entries);
        }

        public void commit() {
            entries.forEach(FiringLedger.this::apply);
        }
    }

    public Pending begin() {
        return new Pending();
    }
}
