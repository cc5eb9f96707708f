package org.tablemq.jms.store.jdbc;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.store.StoreException;

/**
 * The store's housekeeping, every third of a lease: frees claims whose lease ran out (their node died or stalled),
 * so they are delivered again with a higher delivery count; removes what dead nodes owned (consumers, non-durable
 * subscriptions, temporary destinations); deletes expired messages. Each step uses an index on a sparse column, so
 * a large backlog costs nothing here. A database outage only makes a round fail; the next round tries again. This
 * node's own heartbeat and lease renewal do not wait for any of this: the {@link LeaseRenewer} does them on its own
 * thread and connection.
 */
final class LeaseKeeper {

    private static final System.Logger LOG = Log.of(LeaseKeeper.class);

    private final Jdbc jdbc;
    private final Dialect sql;
    private final String nodeId;
    private final long leaseMillis;
    private final Topology topology;
    private final Notifier notifier;
    private final Arrivals arrivals;
    private final ScheduledExecutorService timer;
    private final LeaseRenewer renewer;
    private ScheduledFuture<?> task;

    LeaseKeeper(Jdbc jdbc, Dialect sql, String nodeId, long leaseMillis, Topology topology, Notifier notifier,
                Arrivals arrivals, ScheduledExecutorService timer, LeaseRenewer renewer) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.nodeId = nodeId;
        this.leaseMillis = leaseMillis;
        this.topology = topology;
        this.notifier = notifier;
        this.arrivals = arrivals;
        this.timer = timer;
        this.renewer = renewer;
    }

    /**
     * Registers the node (so it is alive before its first claim) and schedules the rounds. Touches no message:
     * a new node has no claims to renew, and opening a store must not depend on the size of the backlog.
     */
    void start() throws StoreException {
        renewer.start();
        int purged = topology.purgeDeletedDestinations();
        if (purged > 0) {
            LOG.log(Level.INFO, "TMQ-2035 Removed the rows of {0} temporary destination(s) deleted earlier", purged);
        }
        long period = leaseMillis / 3;
        task = timer.scheduleWithFixedDelay(this::round, period, period, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (task != null) {
            task.cancel(false);
        }
        renewer.stop();
    }

    void round() {
        try {
            expireLeases();
            removeDeadNodes();
            deleteExpiredMessages();
        } catch (StoreException e) {
            LOG.log(Level.WARNING, () -> "TMQ-2002 Housekeeping of node " + nodeId + " failed; retrying in "
                    + leaseMillis / 3 + " ms: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, () -> "TMQ-2004 Housekeeping of node " + nodeId + " failed unexpectedly", e);
        }
    }

    private void expireLeases() throws StoreException {
        long now = System.currentTimeMillis();
        int expired = jdbc.inTransaction("expire leases", c -> {
            int n = Jdbc.update(c, sql.expireLeases, ps -> {
                ps.setLong(1, now);
                if (sql.claimsLiveWithTheirNode()) {
                    ps.setLong(2, now);
                }
            });
            if (n > 0) {
                notifier.announceAll(c);
            }
            return n;
        });
        if (expired > 0) {
            LOG.log(Level.WARNING, "TMQ-2001 Leases of {0} claimed message(s) expired (their node stopped renewing"
                    + " them); redelivering", expired);
            arrivals.bumpAll();
        }
    }

    private void removeDeadNodes() throws StoreException {
        long now = System.currentTimeMillis();
        List<String> dead = jdbc.autoCommit("find dead nodes",
                c -> Jdbc.query(c, sql.deadNodes, ps -> ps.setLong(1, now), rs -> rs.getString(1)));
        for (String node : dead) {
            if (node.equals(nodeId)) {
                continue;     // we stalled for two leases; our renewer records our heartbeat again
            }
            LOG.log(Level.WARNING, "TMQ-2005 Node {0} stopped its heartbeat; removing its consumers, non-durable"
                    + " subscriptions and temporary destinations", node);
            topology.removeNodeState(node);
            jdbc.autoCommit("remove dead node " + node, c -> Jdbc.update(c, sql.deleteNode, ps -> ps.setString(1, node)));
        }
    }

    private void deleteExpiredMessages() throws StoreException {
        long now = System.currentTimeMillis();
        int n = jdbc.autoCommit("delete expired messages", c -> Jdbc.update(c, sql.deleteExpired, ps -> ps.setLong(1, now)));
        if (n > 0) {
            LOG.log(Level.DEBUG, "Deleted {0} expired message(s)", n);
        }
    }
}
