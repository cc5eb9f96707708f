package org.tablemq.jms.store.jdbc;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * The one place that reads SQLState. Walks the cause and next-exception chain, because pools and drivers wrap
 * the interesting error (HikariCP's timeout wraps the driver's "connection refused").
 */
final class SqlErrors {

    /** What a failure means for the caller. */
    enum Kind {
        /** The database cannot be reached or the connection broke: nothing was applied, try later. */
        UNAVAILABLE,
        /** Serialization failure, deadlock or lock timeout: running the transaction again may succeed. */
        RETRY,
        /** A unique constraint refused a row (e.g. two nodes creating the same destination). */
        UNIQUE_VIOLATION,
        /** A foreign key refused a row (e.g. a send to a temporary destination deleted meanwhile). */
        FOREIGN_KEY_VIOLATION,
        /** The database refused the user or password (SQLState class 28, on H2 and PostgreSQL alike). */
        ACCESS_DENIED,
        /** Anything else: a bug or a schema problem. */
        OTHER
    }

    private SqlErrors() {
    }

    static Kind classify(SQLException e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SQLTransientConnectionException) {
                return Kind.UNAVAILABLE;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                Kind kind = byState(s.getSQLState());
                if (kind != Kind.OTHER) {
                    return kind;
                }
            }
        }
        return Kind.OTHER;
    }

    /**
     * Whether H2 closed the database under this connection (after a failed file write, e.g. a full disk, or at JVM
     * shutdown): the connection is dead for good, while a new one reopens the database.
     */
    static boolean isH2DatabaseClosed(SQLException e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SQLException s && ("90098".equals(s.getSQLState()) || "90121".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** The first SQLState in the chain, for messages. */
    static String state(SQLException e) {
        for (Throwable t = e; t != null; t = next(t)) {
            if (t instanceof SQLException s && s.getSQLState() != null) {
                return s.getSQLState();
            }
        }
        return "none";
    }

    private static Kind byState(String state) {
        if (state.startsWith("08")
                || state.startsWith("57P")      // PostgreSQL: admin shutdown, backend terminated, cannot connect now
                || state.equals("90067")        // H2: connection broken
                || state.equals("90098")        // H2: database closed
                || state.equals("90121")) {     // H2: database closed on JVM shutdown
            return Kind.UNAVAILABLE;
        }
        if (state.equals("40001") || state.equals("40P01") || state.equals("HYT00") || state.equals("55P03")) {
            return Kind.RETRY;                  // serialization failure, deadlock, lock timeout (H2, PostgreSQL)
        }
        if (state.startsWith("28")) {
            return Kind.ACCESS_DENIED;          // 28000 invalid authorization, 28P01 invalid password
        }
        if (state.equals("23505")) {
            return Kind.UNIQUE_VIOLATION;
        }
        if (state.equals("23503") || state.equals("23506")) {
            return Kind.FOREIGN_KEY_VIOLATION;  // PostgreSQL 23503, H2 23506 (parent missing)
        }
        return Kind.OTHER;
    }

    private static Throwable next(Throwable t) {
        if (t instanceof SQLException s && s.getNextException() != null && s.getNextException() != t) {
            return s.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
