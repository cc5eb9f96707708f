package org.tablemq.jms.store.jdbc;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.store.StoreException;

/**
 * Acknowledgements outside a transaction whose commit broke with an unknown outcome. The consumer has its message (an
 * acknowledgement that cannot be confirmed must never cost the application a message it was about to get), so the
 * acknowledgement is finished here once the database answers again: deleting a row that is still claimed by this
 * node, which does nothing if the first attempt was applied after all. Until then the lease keeper renews the claim,
 * so no other consumer gets the message; if this node dies first, the message is delivered again, flagged as
 * redelivered: at least once, never lost.
 */
final class UnconfirmedAcks {

    private static final System.Logger LOG = Log.of(UnconfirmedAcks.class);

    private final Jdbc jdbc;
    private final Dialect sql;
    private final String nodeId;
    private final Settlement settlement;
    private final Set<Long> ids = ConcurrentHashMap.newKeySet();

    UnconfirmedAcks(Jdbc jdbc, Dialect sql, String nodeId, Settlement settlement) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.nodeId = nodeId;
        this.settlement = settlement;
    }

    void add(Collection<Long> messageIds, StoreException why) {
        ids.addAll(messageIds);
        LOG.log(Level.WARNING, () -> "TMQ-2011 Acknowledgement of message(s) " + messageIds + " has an unknown outcome;"
                + " node " + nodeId + " keeps their claims and finishes it when the database answers: " + why.getMessage());
    }

    int pending() {
        return ids.size();
    }

    /** Tries once to finish every pending acknowledgement; keeps them for the next try if the database is still away. */
    void finish() {
        if (ids.isEmpty()) {
            return;
        }
        List<Long> batch = new ArrayList<>(ids);
        try {
            jdbc.inTransaction("finish " + batch.size() + " acknowledgement(s) of unknown outcome", c -> {
                Jdbc.batch(c, sql.ackRow, batch, (ps, id) -> {
                    ps.setLong(1, id);
                    ps.setString(2, nodeId);
                });
                return null;
            });
            batch.forEach(ids::remove);
            settlement.settled(batch);
            LOG.log(Level.INFO, "TMQ-2012 Finished {0} acknowledgement(s) whose outcome was unknown", batch.size());
        } catch (StoreException e) {
            LOG.log(Level.DEBUG, () -> "Acknowledgements of unknown outcome still pending: " + e.getMessage());
        }
    }
}
