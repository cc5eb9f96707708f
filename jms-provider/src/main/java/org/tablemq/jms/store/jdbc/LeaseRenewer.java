package org.tablemq.jms.store.jdbc;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.store.StoreException;

/**
 * Keeps this node alive and its claims its own: every third of a lease it records its heartbeat and renews its
 * leases, on a thread and a database connection of its own, so that neither a saturated connection pool nor the
 * store's other housekeeping can delay it. Each timestamp is read right before the statement that writes it, so a
 * slow round never writes a lease that is already partly spent. The renewal tells {@link HeldClaims} which claims
 * it renewed; a round that comes later than the lease allows (the JVM stalled) is reported, since other nodes may
 * have taken this node's claims meanwhile.
 */
final class LeaseRenewer {

    private static final System.Logger LOG = Log.of(LeaseRenewer.class);

    private final JdbcStoreConfig config;
    private final Jdbc jdbc;
    private final Dialect sql;
    private final String nodeId;
    private final HeldClaims held;
    private final long periodNanos;
    private final Thread thread;
    private final Object stopSignal = new Object();
    private volatile boolean stopped;
    private Connection connection;              // only the renewing thread uses it once started
    private long lastRenewalNanos;
    private boolean failing;

    LeaseRenewer(JdbcStoreConfig config, Jdbc jdbc, Dialect sql, String nodeId, HeldClaims held) {
        this.config = config;
        this.jdbc = jdbc;
        this.sql = sql;
        this.nodeId = nodeId;
        this.held = held;
        this.periodNanos = TimeUnit.MILLISECONDS.toNanos(config.leaseMillis() / 3);
        this.thread = new Thread(this::run, "tablemq-lease-" + nodeId);
        this.thread.setDaemon(true);
    }

    /**
     * Registers the node (so it is alive before its first claim) on the calling thread, then starts renewing. Touches
     * no message: a new node has no claims to renew, and opening a store must not depend on the size of the backlog.
     */
    void start() throws StoreException {
        try {
            beat(connection());
        } catch (SQLException e) {
            closeConnection();
            throw jdbc.failure("register node " + nodeId, e);
        }
        thread.start();
    }

    /** Stops renewing (by flag, never by interrupt) and closes the connection; the caller then releases the claims. */
    void stop() {
        stopped = true;
        synchronized (stopSignal) {
            stopSignal.notifyAll();
        }
        if (thread.isAlive()) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (!thread.isAlive()) {
            closeConnection();
        }
    }

    private void run() {
        long next = System.nanoTime() + periodNanos;
        while (!stopped) {
            if (!waitUntil(next)) {
                return;
            }
            next = System.nanoTime() + periodNanos;
            try {
                renew();
                if (failing) {
                    LOG.log(Level.INFO, "TMQ-2033 Node {0} renews its leases again", nodeId);
                    failing = false;
                }
            } catch (SQLException | RuntimeException e) {
                closeConnection();               // a fresh one next round: this one may be broken
                if (!failing) {
                    failing = true;
                    LOG.log(Level.WARNING, () -> "TMQ-2032 Node " + nodeId + " could not renew its leases (SQLState "
                            + (e instanceof SQLException s ? SqlErrors.state(s) : "-") + "); retrying every "
                            + config.leaseMillis() / 3 + " ms. Claims not renewed within " + config.leaseMillis()
                            + " ms are not delivered and other nodes take them over", e);
                }
            }
        }
    }

    /** One heartbeat and renewal, each stamped right before it runs; auto-commit, one statement each. */
    private void renew() throws SQLException {
        Connection c = connection();
        if (sql.claimsLiveWithTheirNode()) {
            long startedNanos = System.nanoTime(); // read before the heartbeat's wall clock, as below
            beat(c);
            held.heartbeat(startedNanos);
            reportStall(startedNanos, -1);
            held.forgetLongLost(startedNanos);
            return;
        }
        beat(c);
        long startedNanos = System.nanoTime();    // read before the wall clock: the validity never outlasts the lease
        long until = System.currentTimeMillis() + config.leaseMillis();
        int renewed = 0;
        try (PreparedStatement ps = c.prepareStatement(sql.renewLeasesReturning())) {
            ps.setLong(1, until);
            ps.setString(2, nodeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    held.renewed(rs.getLong(1), rs.getInt(2), startedNanos);
                    renewed++;
                }
            }
        }
        reportStall(startedNanos, renewed);
        held.forgetLongLost(startedNanos);
    }

    private void beat(Connection c) throws SQLException {
        long now = System.currentTimeMillis();
        try (PreparedStatement ps = c.prepareStatement(sql.upsertNode())) {
            ps.setString(1, nodeId);
            ps.setLong(2, now);
            ps.setLong(3, now + config.leaseMillis());
            ps.executeUpdate();
        }
    }

    /** A renewal later than the lease allows means other nodes may have taken claims of this node meanwhile. */
    private void reportStall(long startedNanos, int renewed) {
        long sinceMillis = TimeUnit.NANOSECONDS.toMillis(startedNanos - lastRenewalNanos);
        long allowedMillis = config.leaseMillis() - HeldClaims.marginMillis(config.leaseMillis());
        if (lastRenewalNanos != 0 && sinceMillis > allowedMillis) {
            LOG.log(Level.WARNING, "TMQ-2030 Node {0} renewed its leases {1} ms after the previous renewal, later than"
                    + " its lease of {2} ms allows: other nodes may have taken its claims. Prefetched messages whose"
                    + " lease ran out are given back instead of delivered{3}",
                    nodeId, sinceMillis, config.leaseMillis(), renewed < 0 ? "" : "; " + renewed + " claim(s) were still its own");
        }
        lastRenewalNanos = startedNanos;
    }

    private Connection connection() throws SQLException {
        if (connection == null) {
            Properties props = new Properties();
            if (config.user() != null) {
                props.setProperty("user", config.user());
            }
            if (config.password() != null) {
                props.setProperty("password", config.password());
            }
            if (!config.isH2()) {
                props.setProperty("ApplicationName", "tablemq-" + nodeId + "-lease");
            }
            connection = DriverManager.getConnection(config.isH2() ? H2Dialect.tuneUrl(config.url()) : config.url(), props);
            connection.setAutoCommit(true);
        }
        return connection;
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "Closing the lease connection of node {0} failed: {1}", nodeId, e.getMessage());
            }
            connection = null;
        }
    }

    /** Waits until {@code deadlineNanos}, or returns false at once when stopped. */
    private boolean waitUntil(long deadlineNanos) {
        synchronized (stopSignal) {
            long left;
            while (!stopped && (left = deadlineNanos - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(stopSignal, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !stopped;
        }
    }
}
