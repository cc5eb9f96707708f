package org.tablemq.jms.store.jdbc;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.tablemq.jms.store.StoredMessage;

/**
 * Until when this node surely holds each of its claims, on its own monotonic clock. A claim written with
 * {@code lease_until = wall clock + lease} at a moment this node read as {@code t} (System.nanoTime, read no later
 * than the wall clock) cannot be expired by another node before {@code t + lease}, if their clocks are no further
 * ahead than the {@link #marginMillis margin}; each renewal that returns the claim moves that point on.
 * <p>
 * A claim is known by its message id and delivery count: every claim raises the count and nothing but the holder's
 * own release of an undelivered message lowers it again, so a message that was taken by another consumer (of this
 * node or another) and claimed again never matches an older claim of it. Why not one "epoch" for the whole node:
 * a renewal does not see a claim that committed after it started, so a node-wide validity would vouch for claims
 * the renewal never extended; per claim, the renewal's own answer (the rows it updated) says exactly what is held.
 */
final class HeldClaims {

    private record Held(int deliveryCount, long untilNanos) {
    }

    private final ConcurrentHashMap<Long, Held> held = new ConcurrentHashMap<>();
    private final long validNanos;
    private final long leaseNanos;

    HeldClaims(long leaseMillis) {
        this.leaseNanos = TimeUnit.MILLISECONDS.toNanos(leaseMillis);
        this.validNanos = TimeUnit.MILLISECONDS.toNanos(leaseMillis - marginMillis(leaseMillis));
    }

    /**
     * The part of a lease this node does not count on: other nodes expire leases by their wall clock, which may be
     * ahead of ours. A tenth of the lease: 100 ms at the minimum lease, 3 s at the default.
     */
    static long marginMillis(long leaseMillis) {
        return leaseMillis / 10;
    }

    /** Claims returned by a claim whose lease was computed from a wall clock read at or after {@code startedNanos}. */
    void claimed(Collection<StoredMessage> messages, long startedNanos) {
        for (StoredMessage m : messages) {
            held.put(m.id(), new Held(m.deliveryCount(), startedNanos + validNanos));
        }
    }

    /**
     * A heartbeat whose alive-until time was computed from a wall clock read at or after {@code startedNanos} was
     * written, where claims live with their node ({@link Dialect#claimsLiveWithTheirNode}): every claim still held at
     * {@code startedNanos} is held for another lease, since no other node could take it while this one was alive. A
     * claim whose validity had already run out is not extended: the node may have looked dead meanwhile.
     */
    void heartbeat(long startedNanos) {
        long until = startedNanos + validNanos;
        held.replaceAll((id, h) -> h.untilNanos() - startedNanos > 0 && until - h.untilNanos() > 0
                ? new Held(h.deliveryCount(), until) : h);
    }

    /** A renewal whose lease was computed from a wall clock read at or after {@code startedNanos} updated this row. */
    void renewed(long messageId, int deliveryCount, long startedNanos) {
        long until = startedNanos + validNanos;
        held.computeIfPresent(messageId, (id, h) -> h.deliveryCount() == deliveryCount && until - h.untilNanos() > 0
                ? new Held(deliveryCount, until) : h);
    }

    /**
     * Forgets claims whose validity ended more than a lease ago (lost, and never settled by their consumer, such as
     * one whose acknowledgement failed), so they do not pile up. Were one still this node's in the database, its
     * consumer would find it not held and give it back, which is what it must do with it anyway.
     */
    void forgetLongLost(long nowNanos) {
        held.values().removeIf(h -> nowNanos - h.untilNanos() > leaseNanos);
    }

    boolean holds(StoredMessage m) {
        Held h = held.get(m.id());
        return h != null && h.deliveryCount() == m.deliveryCount() && System.nanoTime() - h.untilNanos() < 0;
    }

    /** The messages were acknowledged, released or held for an XA branch. */
    void settled(Collection<Long> ids) {
        ids.forEach(held::remove);
    }

    /**
     * The claim of {@code m} was given back; a newer claim of the same message stays.
     *
     * @return whether that claim was this node's latest claim of the message (and is now forgotten)
     */
    boolean released(StoredMessage m) {
        boolean[] latest = {false};
        held.computeIfPresent(m.id(), (id, h) -> {
            latest[0] = h.deliveryCount() == m.deliveryCount();
            return latest[0] ? null : h;
        });
        return latest[0];
    }

    void forgetAll() {
        held.clear();
    }
}
