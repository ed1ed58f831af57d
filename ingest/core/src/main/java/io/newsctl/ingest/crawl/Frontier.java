package io.newsctl.ingest.crawl;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The URLs waiting to be fetched: one FIFO queue per host ({@link CrawlItem#hostKey()}), each with
 * the earliest time its next request may go out. A host is handed to one worker at a time, so there
 * is never more than one request in flight per host. Bounded: per host and in all; a URL already
 * queued (or in flight) is not queued twice. Time comes from the caller, so the politeness logic
 * is tested without waiting. Thread-safe.
 */
public final class Frontier {

    /** The answer to {@link #poll}. */
    public sealed interface Poll {
        /** Fetch this now; call {@link #release} when done. */
        record Ready(CrawlItem item) implements Poll {
        }

        /** Nothing may be fetched before {@code duration} has passed (or a busy host is released). */
        record Wait(Duration duration) implements Poll {
        }

        /** Nothing queued; {@code inFlight} items are still being fetched. */
        record Empty(int inFlight) implements Poll {
        }
    }

    /** What {@link #offer} did with a URL. */
    public enum Offer { QUEUED, ALREADY_QUEUED, HOST_FULL, FULL }

    private static final Duration BUSY_WAIT = Duration.ofMillis(50);

    private static final class Host {
        final Deque<CrawlItem> queue = new ArrayDeque<>();
        Instant nextAllowedAt = Instant.EPOCH;
        boolean busy;
        int failures;
    }

    private final int maxPerHost;
    private final int maxTotal;
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private final Set<String> urls = new HashSet<>();
    private final Map<Offer, Integer> refused = new HashMap<>();
    private int queued;
    private int inFlight;

    public Frontier(int maxPerHost, int maxTotal) {
        this.maxPerHost = maxPerHost;
        this.maxTotal = maxTotal;
    }

    /** Queues a URL at the back of its host's queue, unless it is already there or a bound is reached. */
    public synchronized Offer offer(CrawlItem item) {
        if (urls.contains(item.url())) {
            return Offer.ALREADY_QUEUED;
        }
        if (queued >= maxTotal) {
            refused.merge(Offer.FULL, 1, Integer::sum);
            return Offer.FULL;
        }
        Host host = hosts.computeIfAbsent(item.hostKey(), k -> new Host());
        if (host.queue.size() >= maxPerHost) {
            refused.merge(Offer.HOST_FULL, 1, Integer::sum);
            return Offer.HOST_FULL;
        }
        host.queue.addLast(item);
        urls.add(item.url());
        queued++;
        return Offer.QUEUED;
    }

    /**
     * The next item whose host may be contacted at {@code now} (the host that has been ready the
     * longest), or how long to wait for one.
     */
    public synchronized Poll poll(Instant now) {
        String bestKey = null;
        Host best = null;
        boolean anyBusyWithWork = false;
        for (Map.Entry<String, Host> e : hosts.entrySet()) {
            Host h = e.getValue();
            if (h.queue.isEmpty()) {
                continue;
            }
            if (h.busy) {
                anyBusyWithWork = true;
                continue;
            }
            if (best == null || h.nextAllowedAt.isBefore(best.nextAllowedAt)) {
                best = h;
                bestKey = e.getKey();
            }
        }
        if (best == null) {
            return anyBusyWithWork ? new Poll.Wait(BUSY_WAIT) : new Poll.Empty(inFlight);
        }
        if (best.nextAllowedAt.isAfter(now)) {
            Duration wait = Duration.between(now, best.nextAllowedAt);
            return new Poll.Wait(anyBusyWithWork && wait.compareTo(BUSY_WAIT) > 0 ? BUSY_WAIT : wait);
        }
        best.busy = true;
        CrawlItem item = best.queue.pollFirst();
        queued--;
        inFlight++;
        assert bestKey != null;
        return new Poll.Ready(item);
    }

    /**
     * Hands a host back after fetching {@code item}: its next request may go out at
     * {@code nextAllowedAt}. With a {@code retry}, that item goes to the front of the host's queue
     * (a retry is never refused for lack of room: it is the same URL coming back).
     */
    public synchronized void release(CrawlItem item, Instant nextAllowedAt, CrawlItem retry) {
        Host host = hosts.get(item.hostKey());
        inFlight--;
        if (host == null) {
            return;
        }
        host.busy = false;
        if (nextAllowedAt.isAfter(host.nextAllowedAt)) {
            host.nextAllowedAt = nextAllowedAt;
        }
        if (retry != null) {
            host.queue.addFirst(retry);
            queued++;
        } else {
            urls.remove(item.url());
        }
    }

    /** Consecutive failures recorded for a host (for its back-off). */
    public synchronized int failures(String hostKey) {
        Host h = hosts.get(hostKey);
        return h == null ? 0 : h.failures;
    }

    /** Records a failure (returns the new count) or, with {@code failed = false}, a success (resets it). */
    public synchronized int recordOutcome(String hostKey, boolean failed) {
        Host h = hosts.get(hostKey);
        if (h == null) {
            return 0;
        }
        h.failures = failed ? h.failures + 1 : 0;
        return h.failures;
    }

    /** Drops hosts with nothing queued whose politeness wait has passed (they owe nothing). */
    public synchronized void prune(Instant now) {
        for (Iterator<Host> it = hosts.values().iterator(); it.hasNext(); ) {
            Host h = it.next();
            if (h.queue.isEmpty() && !h.busy && !h.nextAllowedAt.isAfter(now)) {
                it.remove();
            }
        }
    }

    public synchronized int queued() {
        return queued;
    }

    public synchronized int inFlight() {
        return inFlight;
    }

    public synchronized int hosts() {
        return hosts.size();
    }

    /** URLs refused because a bound was reached, by bound. */
    public synchronized Map<Offer, Integer> refused() {
        return Map.copyOf(refused);
    }
}
