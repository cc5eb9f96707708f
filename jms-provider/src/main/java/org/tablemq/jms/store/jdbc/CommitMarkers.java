package org.tablemq.jms.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Learns whether a write whose connection broke while it committed was applied. A commit that fails on a broken
 * connection has an unknown outcome: the server may have committed it and only the answer was lost. So every write
 * that must not be answered wrongly (sends, transactions, XA prepares) inserts a marker row, this node's name and a
 * sequence number, in its own transaction. After a failed commit the store reconnects and inserts the same marker
 * itself: a unique-key violation says the write committed; success says it did not, and the marker now in place
 * makes sure it never will (a transaction still alive on a half-broken connection holds its uncommitted marker row,
 * so the insert here waits until that transaction ends, and is refused if it committed). Markers are deleted after
 * {@link #RETENTION_MILLIS}, long after any resolution has ended.
 */
final class CommitMarkers {

    /** What a failed commit did, as far as the store could learn. */
    enum Outcome { APPLIED, NOT_APPLIED, UNKNOWN }

    /** One write's marker; the node is the store's own. */
    record Marker(long seq) {
    }

    /** How long markers are kept: far longer than any resolution takes. */
    static final long RETENTION_MILLIS = TimeUnit.MINUTES.toMillis(10);
    private static final int QUERY_TIMEOUT_SECONDS = 5;
    private static final long FIRST_BACKOFF_MILLIS = 50;
    private static final long MAX_BACKOFF_MILLIS = 1_000;

    private final DataSource dataSource;
    private final Dialect sql;
    private final String nodeId;
    private final long resolveMillis;
    private final AtomicLong last = new AtomicLong();

    /**
     * @param resolveMillis how long a resolution keeps trying to reach the database before it says
     *                      {@link Outcome#UNKNOWN} (0: one attempt)
     */
    CommitMarkers(DataSource dataSource, Dialect sql, String nodeId, long resolveMillis) {
        this.dataSource = dataSource;
        this.sql = sql;
        this.nodeId = nodeId;
        this.resolveMillis = resolveMillis;
    }

    /**
     * A new marker. Sequence numbers start from the clock in microseconds, so a node restarted under the same name
     * does not reuse the numbers of its earlier life while their markers are kept.
     */
    Marker next() {
        return new Marker(last.updateAndGet(prev -> Math.max(prev + 1, System.currentTimeMillis() * 1000)));
    }

    /** Inserts the marker inside the caller's transaction. */
    void write(Connection c, Marker marker) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.insertMarker)) {
            bind(ps, 1, marker);
            ps.executeUpdate();
        }
    }

    /** Binds the three parameters of a marker insert (node, sequence, time) from {@code first} on. */
    void bind(PreparedStatement ps, int first, Marker marker) throws SQLException {
        ps.setString(first, nodeId);
        ps.setLong(first + 1, marker.seq());
        ps.setLong(first + 2, System.currentTimeMillis());
    }

    /**
     * Decides the outcome of the write that carried {@code marker}, reconnecting until the database answers or the
     * resolution time is over. An interrupt ends the waiting (the answer is then {@link Outcome#UNKNOWN}, with the
     * interrupt flag kept).
     */
    Outcome resolve(Marker marker) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(resolveMillis);
        long backoff = FIRST_BACKOFF_MILLIS;
        while (true) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (PreparedStatement ps = c.prepareStatement(sql.insertMarker)) {
                    bind(ps, 1, marker);
                    ps.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
                    ps.executeUpdate();
                }
                return Outcome.NOT_APPLIED;
            } catch (SQLException e) {
                if (SqlErrors.classify(e) == SqlErrors.Kind.UNIQUE_VIOLATION) {
                    return Outcome.APPLIED;
                }
                // unreachable still, or the old transaction still holds its marker: try again until the deadline
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Outcome.UNKNOWN;
            }
            try {
                Thread.sleep(Math.min(backoff, TimeUnit.NANOSECONDS.toMillis(left) + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Outcome.UNKNOWN;
            }
            backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        }
    }

    /** Deletes markers older than {@link #RETENTION_MILLIS}; returns how many. */
    int deleteExpired(Connection c) throws SQLException {
        long cutoff = System.currentTimeMillis() - RETENTION_MILLIS;
        return Jdbc.update(c, sql.deleteOldMarkers, ps -> ps.setLong(1, cutoff));
    }
}
