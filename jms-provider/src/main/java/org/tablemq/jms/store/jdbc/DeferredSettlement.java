package org.tablemq.jms.store.jdbc;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.store.StoreException;
import org.tablemq.jms.store.StoreOutcomeUnknownException;
import org.tablemq.jms.store.StoredMessage;
import org.tablemq.jms.store.jdbc.Settlement.ResolvedRelease;

/**
 * Settlements outside a transaction that the database could not take: acknowledgements whose commit broke with an
 * unknown outcome, and releases (by message, or of never delivered messages by their exact claim) known not to
 * have been applied. Neither may wait for the application: an acknowledged message was handed over (an
 * acknowledgement that cannot be confirmed must never cost the application a message it was about to get), and a
 * released one is no business of the consumer any more. So they are finished
 * here once the database answers again, every second. Until then the lease keeper renews the claims, so no other
 * consumer gets those messages; if this node dies first, they are delivered again, flagged as redelivered: at least
 * once, never lost.
 * <p>
 * Why this is safe: an acknowledgement deletes the row only while this node still claims it, and a deleted row never
 * comes back, so finishing one that was applied after all does nothing. A release is retried only when it is known not
 * to have been applied (the release carries a commit marker), and only within one lease: after that the claim may have
 * lapsed and the message been claimed again by a consumer of this very node, whose claim a late release would undo.
 * A release whose outcome is unknown is not retried; its message stays claimed until its lease lapses (when the
 * database was away longer than a lease) or the node restarts.
 * <p>
 * A claim whose outcome is unknown may have claimed messages that its consumer never got. Once the database answers,
 * the rows that consumer owns but that were never handed out are given back (undelivered); claims are held off
 * meanwhile ({@link #claimGate}), so a claim that commits during the check cannot be mistaken for such a row.
 */
final class DeferredSettlement {

    private static final System.Logger LOG = Log.of(DeferredSettlement.class);

    private final Jdbc jdbc;
    private final Dialect sql;
    private final String nodeId;
    private final Settlement settlement;
    private final Arrivals arrivals;
    private final ConcurrentLinkedQueue<Long> acks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Pending> releases = new ConcurrentLinkedQueue<>();
    private final Set<String> orphanOwners = ConcurrentHashMap.newKeySet();
    private final ReadWriteLock claimGate = new ReentrantReadWriteLock();
    private final CommitMarkers markers;
    private final long leaseNanos;

    /** A claim and its bookkeeping. */
    @FunctionalInterface
    interface Claim<T> {
        T run() throws StoreException;
    }

    /** A release to retry until {@code giveUpAt} (System.nanoTime()). */
    private record Pending(ResolvedRelease release, StoredMessage undelivered, long giveUpAt) {
    }

    DeferredSettlement(Jdbc jdbc, CommitMarkers markers, Dialect sql, String nodeId, long leaseMillis,
                       Settlement settlement, Arrivals arrivals) {
        this.jdbc = jdbc;
        this.markers = markers;
        this.leaseNanos = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(leaseMillis);
        this.sql = sql;
        this.nodeId = nodeId;
        this.settlement = settlement;
        this.arrivals = arrivals;
    }

    void acks(Collection<Long> messageIds, StoreException why) {
        acks.addAll(messageIds);
        LOG.log(Level.WARNING, () -> "TMQ-2011 Acknowledgement of message(s) " + messageIds + " has an unknown outcome;"
                + " node " + nodeId + " keeps their claims and finishes it when the database answers: " + why.getMessage());
    }

    /** Releases known not to have been applied. */
    void releases(Collection<ResolvedRelease> given, StoreException why) {
        long giveUpAt = System.nanoTime() + leaseNanos;
        given.forEach(r -> releases.add(new Pending(r, null, giveUpAt)));
        cannotGiveBackNow(given.size(), why);
    }

    /** Gives-back of never delivered messages (by their exact claim) known not to have been applied. */
    void undelivered(Collection<StoredMessage> given, StoreException why) {
        long giveUpAt = System.nanoTime() + leaseNanos;
        given.forEach(m -> releases.add(new Pending(null, m, giveUpAt)));
        cannotGiveBackNow(given.size(), why);
    }

    private void cannotGiveBackNow(int count, StoreException why) {
        LOG.log(Level.WARNING, () -> "TMQ-2013 Cannot give back " + count + " message(s) now; node " + nodeId
                + " keeps their claims and gives them back when the database answers: " + why.getMessage());
    }

    /**
     * Runs a claim and the step that records what it claimed as handed out, while no check for a claim of unknown
     * outcome runs.
     */
    <T> T claiming(Claim<T> claim) throws StoreException {
        claimGate.readLock().lock();
        try {
            return claim.run();
        } finally {
            claimGate.readLock().unlock();
        }
    }

    /** A claim of {@code consumerId} broke with an unknown outcome. */
    void claimOfUnknownOutcome(String consumerId, StoreException why) {
        orphanOwners.add(consumerId);
        LOG.log(Level.WARNING, () -> "TMQ-2016 A claim of consumer " + consumerId + " has an unknown outcome; node "
                + nodeId + " gives back whatever it claimed once the database answers: " + why.getMessage());
    }

    /** Releases of unknown outcome: not retried, see the class comment. */
    void releasesOfUnknownOutcome(int count, StoreException why) {
        LOG.log(Level.WARNING, () -> "TMQ-2014 Giving back " + count + " message(s) has an unknown outcome;"
                + " any not given back stay claimed by node " + nodeId + " until their lease lapses or the node"
                + " restarts: " + why.getMessage());
    }

    /** Tries once to finish everything deferred; keeps it for the next try if the database is still away. */
    void finish() {
        releaseOrphans();
        long now = System.nanoTime();
        List<Pending> lapsed = new ArrayList<>();
        releases.removeIf(p -> {
            boolean late = now - p.giveUpAt() > 0;
            if (late) {
                lapsed.add(p);
            }
            return late;
        });
        if (!lapsed.isEmpty()) {
            LOG.log(Level.WARNING, "TMQ-2015 Gave up giving back {0} message(s) after a lease: their claims lapse and"
                    + " they are delivered again as redelivered", lapsed.size());
        }
        if (acks.isEmpty() && releases.isEmpty()) {
            return;
        }
        List<Long> ackBatch = new ArrayList<>(acks);
        List<Pending> releaseBatch = new ArrayList<>(releases);
        List<ResolvedRelease> toRelease = releaseBatch.stream().map(Pending::release).filter(r -> r != null).toList();
        List<StoredMessage> toGiveBack = releaseBatch.stream().map(Pending::undelivered).filter(m -> m != null).toList();
        try {
            Touched touched = jdbc.inTransaction("finish " + ackBatch.size() + " acknowledgement(s) and "
                    + releaseBatch.size() + " release(s) deferred while the database was away", markers.next(), c -> {
                Jdbc.batch(c, sql.ackRow, ackBatch, (ps, id) -> {
                    ps.setLong(1, id);
                    ps.setString(2, nodeId);
                });
                Touched t = new Touched();
                settlement.release(c, toRelease, t);
                settlement.releaseUndelivered(c, toGiveBack, t);
                return t;
            });
            acks.removeAll(ackBatch);
            releases.removeAll(releaseBatch);
            touched.signal(arrivals);
            List<Long> settled = new ArrayList<>(ackBatch);
            toRelease.forEach(r -> settled.add(r.release().messageId()));
            settlement.settled(settled);
            settlement.releasedUndelivered(toGiveBack);
            LOG.log(Level.INFO, "TMQ-2012 Finished {0} acknowledgement(s) and {1} release(s) deferred while the"
                    + " database was away", ackBatch.size(), releaseBatch.size());
        } catch (StoreOutcomeUnknownException e) {
            releases.removeAll(releaseBatch);        // the acknowledgements are safe to try again; releases are not
            releasesOfUnknownOutcome(releaseBatch.size(), e);
        } catch (StoreException e) {
            LOG.log(Level.DEBUG, () -> "Deferred settlements still pending: " + e.getMessage());
        }
    }

    /** Gives back what claims of unknown outcome took and never handed out. */
    private void releaseOrphans() {
        if (orphanOwners.isEmpty()) {
            return;
        }
        List<String> owners = new ArrayList<>(orphanOwners);
        claimGate.writeLock().lock();
        try {
            int released = jdbc.inTransaction("give back what claims of unknown outcome took", markers.next(), c -> {
                List<Long> orphans = new ArrayList<>();
                for (String owner : owners) {
                    for (long id : Jdbc.query(c, sql.claimedBy, ps -> {
                        ps.setString(1, nodeId);
                        ps.setString(2, owner);
                    }, rs -> rs.getLong(1))) {
                        if (!settlement.isHandedOut(id)) {
                            orphans.add(id);
                        }
                    }
                }
                Jdbc.batch(c, sql.releaseRow, orphans, (ps, id) -> {
                    ps.setLong(1, 0);
                    ps.setInt(2, 1);             // never delivered: the claim's count is taken back
                    ps.setLong(3, id);
                    ps.setString(4, nodeId);
                });
                return orphans.size();
            });
            orphanOwners.removeAll(owners);
            if (released > 0) {
                arrivals.bumpAll();
                LOG.log(Level.INFO, "TMQ-2017 Gave back {0} message(s) taken by claims of unknown outcome", released);
            }
        } catch (StoreException e) {
            LOG.log(Level.DEBUG, () -> "Claims of unknown outcome still unchecked: " + e.getMessage());
        } finally {
            claimGate.writeLock().unlock();
        }
    }
}
