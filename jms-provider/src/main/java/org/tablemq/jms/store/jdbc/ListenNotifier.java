package org.tablemq.jms.store.jdbc;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.tablemq.jms.internal.Log;

/**
 * PostgreSQL LISTEN/NOTIFY on a dedicated connection (outside the pool, so it never starves senders). A
 * transaction that makes messages deliverable calls {@code pg_notify} with this node's id and the endpoints
 * (with their delivery time when delayed); PostgreSQL delivers it only if the transaction commits. The listener
 * thread bumps the named endpoints, ignores its own node's news (already signalled locally), and after a lost
 * connection reconnects with a growing pause and wakes every waiter, since news may have been missed meanwhile.
 */
final class ListenNotifier implements Notifier {

    private static final System.Logger LOG = Log.of(ListenNotifier.class);
    private static final int MAX_PAYLOAD = 7000;     // PostgreSQL refuses payloads of 8000 bytes and more
    private static final String EVERYTHING = "*";

    private final JdbcStoreConfig config;
    private final Dialect dialect;
    private final String nodeId;
    private final Arrivals arrivals;
    private final Thread thread;
    private volatile boolean closed;
    private volatile Connection listening;
    private final java.util.concurrent.CountDownLatch firstAttempt = new java.util.concurrent.CountDownLatch(1);

    ListenNotifier(JdbcStoreConfig config, Dialect dialect, String nodeId, Arrivals arrivals) {
        this.config = config;
        this.dialect = dialect;
        this.nodeId = nodeId;
        this.arrivals = arrivals;
        this.thread = new Thread(this::run, "tablemq-listen-" + nodeId);
        this.thread.setDaemon(true);
    }

    /**
     * Starts listening and waits (a few seconds at most) for the first LISTEN, so that once the store is open no
     * other node's news is missed. If the database is unreachable the store opens anyway and keeps trying.
     */
    @Override
    public void start() {
        thread.start();
        try {
            firstAttempt.await(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void announce(Connection c, Touched touched) throws SQLException {
        if (touched.isEmpty()) {
            return;
        }
        notify(c, payload(touched).orElseThrow());
    }

    @Override
    public Optional<String> payload(Touched touched) {
        StringBuilder payload = new StringBuilder(nodeId).append('|');
        for (Map.Entry<Long, Long> e : touched.entries().entrySet()) {
            payload.append(e.getKey());
            if (e.getValue() > 0) {
                payload.append('@').append(e.getValue());
            }
            payload.append(',');
            if (payload.length() > MAX_PAYLOAD) {
                return Optional.of(nodeId + "|" + EVERYTHING);
            }
        }
        return Optional.of(payload.toString());
    }

    @Override
    public void announceAll(Connection c) throws SQLException {
        notify(c, nodeId + "|" + EVERYTHING);
    }

    private void notify(Connection c, String payload) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(dialect.notifyStatement().orElseThrow())) {
            ps.setString(1, dialect.channel());
            ps.setString(2, payload);
            ps.execute();
        }
    }

    private void run() {
        long pauseMillis = 50;
        boolean reconnect = false;
        while (!closed) {
            try (Connection c = connect()) {
                listening = c;
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN \"" + dialect.channel() + "\"");   // the prefix is validated: [A-Za-z0-9_]
                }
                firstAttempt.countDown();
                if (reconnect) {
                    arrivals.bumpAll();      // anything sent while we were not listening
                }
                reconnect = true;
                pauseMillis = 50;
                PGConnection pg = c.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] got = pg.getNotifications(500);
                    if (got != null) {
                        for (PGNotification n : got) {
                            deliver(n.getParameter());
                        }
                    }
                }
            } catch (SQLException e) {
                firstAttempt.countDown();
                reconnect = true;
                if (closed) {
                    return;
                }
                LOG.log(Level.WARNING, () -> "TMQ-2101 Lost the LISTEN connection to " + Redaction.url(config.url())
                        + " (SQLState " + SqlErrors.state(e) + "); reconnecting", e);
                pause(pauseMillis);
                pauseMillis = Math.min(pauseMillis * 2, config.maxPollMillis());
            } finally {
                listening = null;
            }
        }
    }

    private void deliver(String payload) {
        int bar = payload.indexOf('|');
        if (bar < 0 || payload.substring(0, bar).equals(nodeId)) {
            return;
        }
        String body = payload.substring(bar + 1);
        if (body.equals(EVERYTHING)) {
            arrivals.bumpAll();
            return;
        }
        for (String item : body.split(",")) {
            if (item.isEmpty()) {
                continue;
            }
            try {
                int at = item.indexOf('@');
                if (at < 0) {
                    arrivals.bump(Long.parseLong(item));
                } else {
                    arrivals.bumpAt(Long.parseLong(item.substring(0, at)), Long.parseLong(item.substring(at + 1)));
                }
            } catch (NumberFormatException e) {
                LOG.log(Level.WARNING, "TMQ-2102 Ignoring a malformed notification on channel {0}: {1}",
                        dialect.channel(), payload);
                return;
            }
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        if (config.user() != null) {
            props.setProperty("user", config.user());
        }
        if (config.password() != null) {
            props.setProperty("password", config.password());
        }
        props.setProperty("ApplicationName", "tablemq-" + nodeId + "-listen");
        return DriverManager.getConnection(config.url(), props);
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);     // a reconnect back-off, not a wait for an event
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c = listening;
        if (c != null) {
            try {
                c.close();           // unblocks getNotifications
            } catch (SQLException e) {
                LOG.log(Level.DEBUG, "Closing the LISTEN connection failed", e);
            }
        }
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
