package org.tablemq.jms.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Tells other nodes that messages arrived and learns of theirs, feeding {@link Arrivals}: LISTEN/NOTIFY on
 * PostgreSQL ({@link ListenNotifier}), adaptive polling elsewhere ({@link PollingNotifier}).
 */
interface Notifier extends AutoCloseable {

    /** Starts the background thread. */
    void start();

    /** Called inside a transaction that makes messages deliverable; the news leaves when it commits. */
    void announce(Connection c, Touched touched) throws SQLException;

    /**
     * The notification {@link #announce} would send for {@code touched}, when it can travel inside the writing
     * statement ({@link Dialect#insertMessageAndNotify}); empty when this notifier sends nothing.
     */
    default Optional<String> payload(Touched touched) {
        return Optional.empty();
    }

    /** Announces that something changed on unknown endpoints (e.g. leases expired), inside a transaction. */
    void announceAll(Connection c) throws SQLException;

    @Override
    void close();
}
