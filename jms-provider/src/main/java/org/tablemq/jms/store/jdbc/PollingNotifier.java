package org.tablemq.jms.store.jdbc;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.util.concurrent.locks.LockSupport;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.store.StoreException;

/**
 * For databases without LISTEN/NOTIFY: while some consumer waits, polls the highest message id (one index
 * probe). A change wakes every waiter and shortens the pause to the minimum; nothing new doubles the pause up
 * to {@code maxPollMillis}, and each time it reaches that bound the waiters are woken anyway, so releases and
 * expired leases elsewhere (which do not raise the id) are found within that bound. With no waiter it only
 * sleeps.
 */
final class PollingNotifier implements Notifier {

    private static final System.Logger LOG = Log.of(PollingNotifier.class);
    private static final long MIN_PAUSE_MILLIS = 5;

    private final Jdbc jdbc;
    private final Dialect dialect;
    private final Arrivals arrivals;
    private final long maxPauseMillis;
    private final Thread thread;
    private volatile boolean closed;

    PollingNotifier(Jdbc jdbc, Dialect dialect, String nodeId, Arrivals arrivals, long maxPauseMillis) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.arrivals = arrivals;
        this.maxPauseMillis = maxPauseMillis;
        this.thread = new Thread(this::run, "tablemq-poll-" + nodeId);
        this.thread.setDaemon(true);
    }

    @Override
    public void start() {
        thread.start();
    }

    @Override
    public void announce(Connection c, Touched touched) {
        // local waiters are signalled after the commit; other nodes poll
    }

    @Override
    public void announceAll(Connection c) {
        // other nodes wake their waiters at least every maxPollMillis
    }

    private void run() {
        long lastId = -1;
        long pause = maxPauseMillis;
        while (!closed) {
            park(pause);
            if (closed || !arrivals.hasWaiters()) {
                pause = maxPauseMillis;
                continue;
            }
            long id = maxId();
            if (id != lastId) {
                lastId = id;
                arrivals.bumpAll();
                pause = MIN_PAUSE_MILLIS;
            } else if (pause >= maxPauseMillis) {
                arrivals.bumpAll();
            } else {
                pause = Math.min(pause * 2, maxPauseMillis);
            }
        }
    }

    private long maxId() {
        try {
            return jdbc.autoCommit("poll for new messages",
                    c -> Jdbc.queryOne(c, dialect.maxMessageId, ps -> { }, rs -> rs.getLong(1)).orElse(0L));
        } catch (StoreException e) {
            LOG.log(Level.DEBUG, "Polling for new messages failed", e);
            return -1;
        }
    }

    private static void park(long millis) {
        LockSupport.parkNanos(millis * 1_000_000L);
    }

    @Override
    public void close() {
        closed = true;
        LockSupport.unpark(thread);
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
