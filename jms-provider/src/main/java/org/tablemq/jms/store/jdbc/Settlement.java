package org.tablemq.jms.store.jdbc;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.store.ClaimLostException;
import org.tablemq.jms.store.Release;
import org.tablemq.jms.store.StoredMessage;

/**
 * Acknowledges, releases and holds (for a prepared XA branch) messages this node has claimed, inside the
 * caller's transaction. Every statement checks that the row is still claimed by this node, so an ack of a
 * message whose lease expired and that another node took throws {@link ClaimLostException}, and the caller's
 * transaction is rolled back. Remembers which endpoint each claimed message sits on, to wake consumers there
 * when it is released.
 */
final class Settlement {

    private static final System.Logger LOG = Log.of(Settlement.class);

    /** A release whose dead letter queue, if any, is resolved to its endpoint. */
    record ResolvedRelease(Release release, long deadLetterEndpoint) {
    }

    private final Dialect sql;
    private final String nodeId;
    private final HeldClaims held;
    private final Map<Long, Long> claimedOn = new ConcurrentHashMap<>();

    Settlement(Dialect sql, String nodeId, HeldClaims held) {
        this.sql = sql;
        this.nodeId = nodeId;
        this.held = held;
    }

    /** Messages just claimed, with their lease computed from a wall clock read at or after {@code startedNanos}. */
    void claimed(Collection<StoredMessage> messages, long startedNanos) {
        for (var m : messages) {
            claimedOn.put(m.id(), m.endpointId());
        }
        held.claimed(messages, startedNanos);
    }

    /** Whether the message was claimed by this node and handed to a consumer, and is not settled yet. */
    boolean isHandedOut(long id) {
        return claimedOn.containsKey(id);
    }

    /** Forgets settled messages once their transaction committed. */
    void settled(Collection<Long> ids) {
        ids.forEach(claimedOn::remove);
        held.settled(ids);
    }

    void forgetAll() {
        claimedOn.clear();
        held.forgetAll();
    }

    /**
     * Gives back undelivered messages, each only if this node still has it under the claim that returned it (same
     * delivery count), whose count is then restored. Unlike {@link #release}, which goes by message id, this never
     * undoes a newer claim of the same message by another consumer of this node after the first claim was lost.
     */
    void releaseUndelivered(Connection c, Collection<StoredMessage> messages, Touched touched) throws SQLException {
        int[] counts = Jdbc.batch(c, sql.releaseUndeliveredClaim, messages, (ps, m) -> {
            ps.setLong(1, m.id());
            ps.setString(2, nodeId);
            ps.setInt(3, m.deliveryCount());
        });
        int i = 0;
        for (StoredMessage m : messages) {
            if (counts[i++] > 0) {
                touched.add(m.endpointId(), 0);
            } else {
                LOG.log(Level.DEBUG, "Release of message {0} (delivery {1}) ignored: that claim is no longer node {2}''s",
                        m.id(), m.deliveryCount(), nodeId);
            }
        }
    }

    /** After {@link #releaseUndelivered} committed. */
    void releasedUndelivered(Collection<StoredMessage> messages) {
        for (StoredMessage m : messages) {
            if (held.released(m)) {
                claimedOn.remove(m.id());
            }
        }
    }

    void ack(Connection c, Collection<Long> ids, String what) throws SQLException, ClaimLostException {
        int[] counts = Jdbc.batch(c, sql.ackRow, ids, (ps, id) -> {
            ps.setLong(1, id);
            ps.setString(2, nodeId);
        });
        requireAll(ids, counts, what);
    }

    /** Releases claimed messages; one no longer claimed by this node is left alone (someone else has it). */
    void release(Connection c, Collection<ResolvedRelease> releases, Touched touched) throws SQLException {
        List<ResolvedRelease> plain = new ArrayList<>();
        List<ResolvedRelease> dead = new ArrayList<>();
        for (ResolvedRelease r : releases) {
            (r.release().deadLetter() == null ? plain : dead).add(r);
        }
        int[] counts = Jdbc.batch(c, sql.releaseRow, plain, (ps, r) -> {
            ps.setLong(1, Math.max(0, r.release().redeliverAt()));
            ps.setInt(2, r.release().delivered() ? 0 : 1);
            ps.setLong(3, r.release().messageId());
            ps.setString(4, nodeId);
        });
        for (int i = 0; i < counts.length; i++) {
            Release r = plain.get(i).release();
            Long endpoint = claimedOn.get(r.messageId());
            if (counts[i] > 0 && endpoint != null) {
                touched.add(endpoint, r.redeliverAt());
            } else if (counts[i] == 0) {
                LOG.log(Level.DEBUG, "Release of message {0} ignored: no longer claimed by node {1}", r.messageId(), nodeId);
            }
        }
        int[] deadCounts = Jdbc.batch(c, sql.deadLetterRow, dead, (ps, r) -> {
            ps.setString(1, r.release().deadLetter().reason());
            ps.setLong(2, r.deadLetterEndpoint());
            ps.setLong(3, r.release().messageId());
            ps.setString(4, nodeId);
        });
        for (int i = 0; i < deadCounts.length; i++) {
            ResolvedRelease r = dead.get(i);
            if (deadCounts[i] > 0) {
                touched.add(r.deadLetterEndpoint(), 0);
                LOG.log(Level.WARNING, "TMQ-2003 Message {0} moved to dead letter queue ''{1}'': {2}",
                        r.release().messageId(), r.release().deadLetter().queue(), r.release().deadLetter().reason());
            }
        }
    }

    /** Hides acked and released messages behind a prepared branch; all must still be claimed by this node. */
    void hold(Connection c, long branchId, Collection<Long> acks, Collection<ResolvedRelease> releases, String what)
            throws SQLException, ClaimLostException {
        List<Long> ids = new ArrayList<>(acks);
        releases.forEach(r -> ids.add(r.release().messageId()));
        int[] counts = Jdbc.batch(c, sql.holdRow, ids, (ps, id) -> {
            ps.setLong(1, branchId);
            ps.setLong(2, id);
            ps.setString(3, nodeId);
        });
        requireAll(ids, counts, what);
        Jdbc.batch(c, sql.insertBranchRelease, releases, (ps, r) -> {
            ps.setLong(1, branchId);
            ps.setLong(2, r.release().messageId());
            ps.setBoolean(3, r.release().delivered());
            ps.setLong(4, Math.max(0, r.release().redeliverAt()));
            if (r.release().deadLetter() == null) {
                ps.setNull(5, Types.BIGINT);
                ps.setString(6, null);
            } else {
                ps.setLong(5, r.deadLetterEndpoint());
                ps.setString(6, r.release().deadLetter().reason());
            }
        });
    }

    private void requireAll(Collection<Long> ids, int[] counts, String what) throws ClaimLostException {
        List<Long> lost = new ArrayList<>();
        int i = 0;
        for (Long id : ids) {
            if (counts[i++] == 0) {
                lost.add(id);
            }
        }
        if (!lost.isEmpty()) {
            throw new ClaimLostException("Cannot " + what + ": message(s) " + lost + " are no longer claimed by node "
                    + nodeId + " (lease expired or released); nothing was applied");
        }
    }
}
