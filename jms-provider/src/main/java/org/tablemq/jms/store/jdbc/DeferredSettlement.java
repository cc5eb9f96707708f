package org.tablemq.jms.store.jdbc;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.store.StoreException;
import org.tablemq.jms.store.jdbc.Settlement.ResolvedRelease;

/**
 * Settlements outside a transaction that the database could not take: acknowledgements whose commit broke with an
 * unknown outcome, and releases that could not be written. Neither may wait for the application: an acknowledged
 * message was handed over (an acknowledgement that cannot be confirmed must never cost the application a message it
 * was about to get), and a released one is no business of the consumer any more. So they are finished here once the
 * database answers again, every second. Both statements only touch a row still claimed by this node, so finishing an
 * acknowledgement that was applied after all does nothing. Until then the lease keeper renews the claims, so no other
 * consumer gets those messages; if this node dies first, they are delivered again, flagged as redelivered: at least
 * once, never lost.
 */
final class DeferredSettlement {

    private static final System.Logger LOG = Log.of(DeferredSettlement.class);

    private final Jdbc jdbc;
    private final Dialect sql;
    private final String nodeId;
    private final Settlement settlement;
    private final Arrivals arrivals;
    private final ConcurrentLinkedQueue<Long> acks = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<ResolvedRelease> releases = new ConcurrentLinkedQueue<>();

    DeferredSettlement(Jdbc jdbc, Dialect sql, String nodeId, Settlement settlement, Arrivals arrivals) {
        this.jdbc = jdbc;
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

    void releases(Collection<ResolvedRelease> given, StoreException why) {
        releases.addAll(given);
        LOG.log(Level.WARNING, () -> "TMQ-2013 Cannot give back " + given.size() + " message(s) now; node " + nodeId
                + " keeps their claims and gives them back when the database answers: " + why.getMessage());
    }

    /** Tries once to finish everything deferred; keeps it for the next try if the database is still away. */
    void finish() {
        if (acks.isEmpty() && releases.isEmpty()) {
            return;
        }
        List<Long> ackBatch = new ArrayList<>(acks);
        List<ResolvedRelease> releaseBatch = new ArrayList<>(releases);
        try {
            Touched touched = jdbc.inTransaction("finish " + ackBatch.size() + " acknowledgement(s) and "
                    + releaseBatch.size() + " release(s) deferred while the database was away", c -> {
                Jdbc.batch(c, sql.ackRow, ackBatch, (ps, id) -> {
                    ps.setLong(1, id);
                    ps.setString(2, nodeId);
                });
                Touched t = new Touched();
                settlement.release(c, releaseBatch, t);
                return t;
            });
            acks.removeAll(ackBatch);
            releases.removeAll(releaseBatch);
            touched.signal(arrivals);
            List<Long> settled = new ArrayList<>(ackBatch);
            releaseBatch.forEach(r -> settled.add(r.release().messageId()));
            settlement.settled(settled);
            LOG.log(Level.INFO, "TMQ-2012 Finished {0} acknowledgement(s) and {1} release(s) deferred while the"
                    + " database was away", ackBatch.size(), releaseBatch.size());
        } catch (StoreException e) {
            LOG.log(Level.DEBUG, () -> "Deferred settlements still pending: " + e.getMessage());
        }
    }
}
