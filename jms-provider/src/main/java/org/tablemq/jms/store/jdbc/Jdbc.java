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
import org.tablemq.jms.store.AccessDeniedException;
import org.tablemq.jms.store.DestinationNotFoundException;
import org.tablemq.jms.store.StoreException;
import org.tablemq.jms.store.StoreUnavailableException;

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

    private final DataSource dataSource;
    private final String safeUrl;
    private final String idColumn;

    Jdbc(DataSource dataSource, String url, String idColumn) {
        this.dataSource = dataSource;
        this.safeUrl = Redaction.url(url);
        this.idColumn = idColumn;
    }

    /**
     * Runs {@code work} in one database transaction and commits it; rolls back on any failure. Retried a few
     * times when the database reports a serialization failure, deadlock or lock timeout.
     */
    <T> T inTransaction(String what, Work<T> work) throws StoreException {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | StoreException | RuntimeException e) {
                    rollbackQuietly(c, e);
                    throw e;
                }
            } catch (SQLException e) {
                if (SqlErrors.classify(e) != SqlErrors.Kind.RETRY) {
                    throw failure(what, e);
                }
                last = e;
            }
        }
        throw failure(what + " (gave up after " + ATTEMPTS + " attempts)", last);
    }

    /**
     * Runs {@code work}, which issues exactly one statement, in auto-commit mode: the statement is its own
     * transaction, as atomic as {@link #inTransaction} but without the separate COMMIT round trip. Retried like
     * {@link #inTransaction}.
     */
    <T> T oneStatement(String what, Work<T> work) throws StoreException {
        SQLException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                return work.run(c);
            } catch (SQLException e) {
                if (SqlErrors.classify(e) != SqlErrors.Kind.RETRY) {
                    throw failure(what, e);
                }
                last = e;
            }
        }
        throw failure(what + " (gave up after " + ATTEMPTS + " attempts)", last);
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

    private static void rollbackQuietly(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
