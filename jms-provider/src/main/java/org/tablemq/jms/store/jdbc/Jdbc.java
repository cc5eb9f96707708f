package org.tablemq.jms.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.store.AccessDeniedException;
import org.tablemq.jms.store.DestinationNotFoundException;
import org.tablemq.jms.store.StoreException;
import org.tablemq.jms.store.StoreOutcomeUnknownException;
import org.tablemq.jms.store.StoreUnavailableException;
import org.tablemq.jms.store.jdbc.CommitMarkers.Marker;

/**
 * A tiny JDBC helper in the manner of db-scheduler's JdbcRunner: SQL + a parameter binder + a row mapper,
 * statements always closed, and transactions that retry on serialization failures and deadlocks. Every
 * {@link SQLException} leaves through {@link #failure}, so callers only see {@link StoreException}s.
 */
final class Jdbc {

    private static final int ATTEMPTS = 5;

    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    interface ItemBinder<T> {
        void bind(PreparedStatement ps, T item) throws SQLException;
    }

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException, StoreException;
    }

    private static final System.Logger LOG = Log.of(Jdbc.class);

    private final DataSource dataSource;
    private final String safeUrl;
    private final String idColumn;
    private final CommitMarkers markers;

    Jdbc(DataSource dataSource, String url, String idColumn) {
        this(dataSource, url, idColumn, null);
    }

    /** @param markers resolves commits whose connection broke; null where no write carries a marker */
    Jdbc(DataSource dataSource, String url, String idColumn, CommitMarkers markers) {
        this.dataSource = dataSource;
        this.safeUrl = Redaction.url(url);
        this.idColumn = idColumn;
        this.markers = markers;
    }

    /**
     * Runs {@code work} in one database transaction and commits it; rolls back on any failure. Retried a few
     * times when the database reports a serialization failure, deadlock or lock timeout. A commit that fails for
     * another reason may have been applied all the same: that ends in a {@link StoreOutcomeUnknownException}.
     */
    <T> T inTransaction(String what, Work<T> work) throws StoreException {
        return inTransaction(what, null, work);
    }

    /**
     * As {@link #inTransaction(String, Work)}, and the transaction also writes {@code marker} (when not null), so
     * that a commit whose connection broke is resolved before this returns: it returns normally if the commit was
     * in fact applied, throws {@link StoreUnavailableException} if it was not, and
     * {@link StoreOutcomeUnknownException} only if the database stayed out of reach.
     */
    <T> T inTransaction(String what, Marker marker, Work<T> work) throws StoreException {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Connection c;
            try {
                c = dataSource.getConnection();
            } catch (SQLException e) {
                throw failure(what, e);      // never reached the database
            }
            try {
                c.setAutoCommit(false);
                T result;
                try {
                    result = work.run(c);
                    if (marker != null) {
                        markers.write(c, marker);
                    }
                } catch (SQLException | StoreException | RuntimeException e) {
                    rollbackQuietly(c, e);   // nothing was committed: the outcome is known
                    throw e;
                }
                try {
                    c.commit();
                    return result;
                } catch (SQLException e) {
                    if (SqlErrors.classify(e) == SqlErrors.Kind.RETRY) {
                        throw e;             // the database refused the commit: rolled back, run it again
                    }
                    return afterFailedCommit(what, marker, e, result);
                }
            } catch (SQLException e) {
                if (SqlErrors.classify(e) != SqlErrors.Kind.RETRY) {
                    throw failure(what, e);
                }
                last = e;
            } finally {
                closeQuietly(c);
            }
        }
        throw failure(what + " (gave up after " + ATTEMPTS + " attempts)", last);
    }

    /**
     * Runs {@code work}, which issues exactly one statement, in auto-commit mode: the statement is its own
     * transaction, as atomic as {@link #inTransaction} but without the separate COMMIT round trip. Retried like
     * {@link #inTransaction}. The statement writes {@code marker} itself when one is given; a failure while it runs
     * (which may be after the server committed it) is then resolved as {@link #inTransaction(String, Marker, Work)}
     * does, and without a marker it is an unknown outcome.
     */
    <T> T oneStatement(String what, Marker marker, Work<T> work) throws StoreException {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Connection c;
            try {
                c = dataSource.getConnection();
            } catch (SQLException e) {
                throw failure(what, e);      // never reached the database
            }
            try {
                return work.run(c);
            } catch (SQLException e) {
                SqlErrors.Kind kind = SqlErrors.classify(e);
                if (kind == SqlErrors.Kind.RETRY) {
                    last = e;
                    continue;
                }
                if (kind == SqlErrors.Kind.UNAVAILABLE || (kind == SqlErrors.Kind.OTHER && marker != null)) {
                    return afterFailedCommit(what, marker, e, null);   // it may have committed before the break
                }
                throw failure(what, e);      // refused by the database: not applied
            } finally {
                closeQuietly(c);
            }
        }
        throw failure(what + " (gave up after " + ATTEMPTS + " attempts)", last);
    }

    /** As {@link #oneStatement(String, Marker, Work)} without a marker. */
    <T> T oneStatement(String what, Work<T> work) throws StoreException {
        return oneStatement(what, null, work);
    }

    /**
     * A commit failed in a way that leaves its outcome open: resolves it through the marker, if the write carried
     * one, and answers as the outcome says.
     */
    private <T> T afterFailedCommit(String what, Marker marker, SQLException e, T result) throws StoreException {
        if (marker == null) {
            throw unknown(what, e, "it carried no marker to look up");
        }
        CommitMarkers.Outcome outcome = markers.resolve(marker);
        switch (outcome) {
            case APPLIED -> {
                LOG.log(System.Logger.Level.INFO, () -> "TMQ-2010 The connection broke while committing (" + what
                        + ", SQLState " + SqlErrors.state(e) + "); the marker shows the commit was applied");
                return result;
            }
            case NOT_APPLIED -> throw failure(what, e);
            default -> throw unknown(what, e, "the database could not be reached again to look up its marker");
        }
    }

    private StoreOutcomeUnknownException unknown(String what, SQLException e, String why) {
        return new StoreOutcomeUnknownException("Cannot " + what + ": the connection to database " + safeUrl
                + " broke while committing (SQLState " + SqlErrors.state(e) + ") and " + why
                + ", so it may or may not have been applied", e);
    }

    /** Runs {@code work} on a connection in auto-commit mode (each statement commits by itself). */
    <T> T autoCommit(String what, Work<T> work) throws StoreException {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** The store's view of an SQL failure: unavailable (naming the URL and SQLState) or a plain store error. */
    StoreException failure(String what, SQLException e) {
        String state = SqlErrors.state(e);
        if (SqlErrors.classify(e) == SqlErrors.Kind.UNAVAILABLE) {
            return new StoreUnavailableException("Cannot " + what + ": database " + safeUrl
                    + " unavailable (SQLState " + state + ")", e);
        }
        if (SqlErrors.classify(e) == SqlErrors.Kind.ACCESS_DENIED) {
            return new AccessDeniedException("Cannot " + what + ": database " + safeUrl + " refused the user or password"
                    + " (SQLState " + state + ")", e);
        }
        if (SqlErrors.classify(e) == SqlErrors.Kind.FOREIGN_KEY_VIOLATION) {
            StoreException gone = new DestinationNotFoundException("Cannot " + what + ": a destination or subscription"
                    + " it refers to has been deleted (SQLState " + state + ")");
            gone.initCause(e);
            return gone;
        }
        return new StoreException("Cannot " + what + " in database " + safeUrl + " (SQLState " + state + "): "
                + e.getMessage(), e);
    }

    static <T> List<T> query(Connection c, String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(mapper.map(rs));
                }
                return rows;
            }
        }
    }

    static <T> Optional<T> queryOne(Connection c, String sql, Binder binder, RowMapper<T> mapper) throws SQLException {
        List<T> rows = query(c, sql, binder, mapper);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    static long count(Connection c, String sql, Binder binder) throws SQLException {
        return queryOne(c, sql, binder, rs -> rs.getLong(1)).orElse(0L);
    }

    static int update(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        }
    }

    /** Inserts one row and returns its generated {@code id}. */
    long insert(Connection c, String sql, Binder binder) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql, new String[] {idColumn})) {
            binder.bind(ps);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("No generated id returned by: " + sql);
                }
                return keys.getLong(1);
            }
        }
    }

    /** Runs one statement per item as a JDBC batch; returns the update count of each. */
    static <T> int[] batch(Connection c, String sql, Collection<T> items, ItemBinder<T> binder) throws SQLException {
        if (items.isEmpty()) {
            return new int[0];
        }
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (T item : items) {
                binder.bind(ps, item);
                ps.addBatch();
            }
            return ps.executeBatch();
        }
    }

    /** Closing returns the connection to the pool; a failure there must not turn a decided write into an error. */
    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "Closing a pooled connection failed", e);
        }
    }

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
