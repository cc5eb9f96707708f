package org.tablemq.jms;

import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.tablemq.jms.internal.JmsErrors;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.management.jmx.JmxRegistration;
import org.tablemq.jms.store.MessageStore;
import org.tablemq.jms.store.StoreException;
import org.tablemq.jms.store.jdbc.JdbcMessageStore;
import org.tablemq.jms.store.jdbc.JdbcStoreConfig;

/**
 * The open stores of this JVM, one per store configuration (URL, credentials, store options), shared by the
 * connections of every factory with that configuration.
 * <p>
 * A store outlives connection churn: it stays open while it has connections and for {@link #IDLE_GRACE_MILLIS}
 * after the last one closed, and closes on JVM shutdown (a shutdown hook) or when a container asks
 * ({@link #closeIdle()}). Closing and reopening it for every connection, as applications that do not pool
 * connections do (Spring's {@code JmsTemplate} on a plain factory), cost 50-200 ms per send and, on H2, opened and
 * closed the database file thousands of times.
 * <p>
 * Each configuration opens on the thread of its first connection, outside the registry's lock: connections to other
 * stores never wait for a database that is slow or unreachable, connections to the same one wait for that one open.
 * A store that fails to open is not remembered, so the next connection attempt tries again (e.g. once the
 * database is back).
 */
final class StoreRegistry {

    /** How long a store with no connection left stays open, so that a connection opened meanwhile finds it. */
    static final long IDLE_GRACE_MILLIS = 5_000;

    private static final System.Logger LOG = Log.of(StoreRegistry.class);
    /** Guarded by itself; an entry is in it from the first acquire until its store is closed or failed to open. */
    private static final Map<JdbcStoreConfig, Entry> ENTRIES = new HashMap<>();
    private static final ScheduledThreadPoolExecutor IDLE_CLOSER = idleCloser();
    /** Installed while the registry has entries, so that an undeployed adapter leaves no hook behind. */
    private static Thread shutdownHook;

    private StoreRegistry() {
    }

    private static final class Entry {
        final JdbcStoreConfig config;
        final CompletableFuture<MessageStore> opened = new CompletableFuture<>();
        int users;
        ScheduledFuture<?> idleClose;
        /** The store's MBeans, once it is open; null if JMX refused them. */
        volatile JmxRegistration jmx;
        /** Set by {@link #closeIdle()} while the store was in use: its last release closes it at once. */
        boolean closeWhenReleased;

        Entry(JdbcStoreConfig config) {
            this.config = config;
        }
    }

    /** A use of a shared store; {@link #release()} once (further calls do nothing). */
    static final class Handle {
        private final Entry entry;
        private final MessageStore store;
        private boolean released;   // guarded by ENTRIES

        private Handle(Entry entry, MessageStore store) {
            this.entry = entry;
            this.store = store;
        }

        MessageStore store() {
            return store;
        }

        void release() {
            synchronized (ENTRIES) {
                if (released) {
                    return;
                }
                released = true;
                if (--entry.users > 0 || ENTRIES.get(entry.config) != entry) {
                    return;
                }
                if (!entry.closeWhenReleased) {
                    entry.idleClose = IDLE_CLOSER.schedule(() -> closeIfIdle(entry), IDLE_GRACE_MILLIS,
                            TimeUnit.MILLISECONDS);
                    return;
                }
                ENTRIES.remove(entry.config);
                removeHookIfEmpty();
            }
            close(entry, "its last connection closed after a container asked to close idle stores");
        }
    }

    /** {@link #acquire(JdbcStoreConfig)} for the store these options name; invalid options are refused. */
    static Handle acquire(TableMQOptions options) throws JMSException {
        JdbcStoreConfig config;
        try {
            config = options.storeConfig();
        } catch (IllegalArgumentException e) {
            throw JmsErrors.create("Invalid TableMQ configuration: " + e.getMessage(), e);
        }
        return acquire(config);
    }

    static Handle acquire(JdbcStoreConfig config) throws JMSException {
        Entry entry;
        boolean opener = false;
        synchronized (ENTRIES) {
            entry = ENTRIES.get(config);
            if (entry == null) {
                entry = new Entry(config);
                ENTRIES.put(config, entry);
                opener = true;
                if (shutdownHook == null) {
                    shutdownHook = new Thread(StoreRegistry::closeAllAtExit, "tablemq-store-shutdown");
                    Runtime.getRuntime().addShutdownHook(shutdownHook);
                }
            }
            entry.users++;
            entry.closeWhenReleased = false;
            if (entry.idleClose != null) {
                entry.idleClose.cancel(false);
                entry.idleClose = null;
            }
        }
        if (opener) {
            return new Handle(entry, open(entry));
        }
        try {
            // not interruptible: the opener's wait is bounded by the pool's connection timeout
            return new Handle(entry, entry.opened.join());
        } catch (CompletionException e) {
            synchronized (ENTRIES) {
                entry.users--;
            }
            Throwable cause = e.getCause();
            if (cause instanceof JMSException j) {
                throw JmsErrors.create(new JMSException(j.getMessage(), j.getErrorCode()), j);
            }
            throw JmsErrors.create("Cannot open the TableMQ store at " + TableMQOptions.maskUrl(config.url()) + ": "
                    + cause, cause);
        }
    }

    /**
     * Closes at once every store that has no connection left, instead of after the grace period, and makes the
     * others close as soon as their last connection does: for a container that stops (an adapter's stop, an
     * undeployment, whose pooled connections may be destroyed only afterwards), so that the database file is free
     * before it deploys again. A store acquired again meanwhile goes back to the grace period.
     */
    static void closeIdle() {
        List<Entry> idle = new ArrayList<>();
        synchronized (ENTRIES) {
            ENTRIES.values().removeIf(e -> {
                e.closeWhenReleased = true;
                boolean isIdle = e.users == 0 && e.opened.isDone();
                if (isIdle) {
                    idle.add(e);
                    if (e.idleClose != null) {
                        e.idleClose.cancel(false);
                    }
                }
                return isIdle;
            });
            removeHookIfEmpty();
        }
        idle.forEach(e -> close(e, "a container asked to close idle stores"));
    }

    private static MessageStore open(Entry entry) throws JMSException {
        try {
            MessageStore store = JdbcMessageStore.open(entry.config);
            entry.jmx = JmxRegistration.register(store);
            entry.opened.complete(store);
            return store;
        } catch (Exception | Error e) {
            synchronized (ENTRIES) {
                ENTRIES.remove(entry.config, entry);
                removeHookIfEmpty();
            }
            JMSException failure = openFailure(entry.config, e);
            entry.opened.completeExceptionally(failure);   // connections waiting for this open fail too
            if (e instanceof Error error) {
                throw error;
            }
            throw failure;
        }
    }

    private static JMSException openFailure(JdbcStoreConfig config, Throwable e) {
        String where = "Cannot open the TableMQ store at " + TableMQOptions.maskUrl(config.url()) + ": ";
        if (e instanceof StoreException se) {
            JMSException j = se.toJMSException();
            return JmsErrors.create(j instanceof JMSSecurityException ? new JMSSecurityException(where + se.getMessage(),
                    j.getErrorCode()) : new JMSException(where + se.getMessage(), j.getErrorCode()), se);
        }
        return JmsErrors.create(where + e, e);
    }

    private static void closeIfIdle(Entry entry) {
        synchronized (ENTRIES) {
            if (entry.users > 0 || ENTRIES.get(entry.config) != entry) {
                return;     // used again meanwhile, or already closed
            }
            ENTRIES.remove(entry.config);
            removeHookIfEmpty();
        }
        close(entry, "no connection for " + IDLE_GRACE_MILLIS + " ms");
    }

    /** Outside the registry's lock: closing releases claims in the database, which may take a while. */
    private static void close(Entry entry, String why) {
        MessageStore store = entry.opened.getNow(null);
        if (store == null) {
            return;
        }
        LOG.log(System.Logger.Level.DEBUG, () -> "Closing the store at " + TableMQOptions.maskUrl(entry.config.url())
                + ": " + why);
        JmxRegistration jmx = entry.jmx;
        if (jmx != null) {
            jmx.close();
        }
        try {
            store.close();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "TMQ-2022 Closing the store at "
                    + TableMQOptions.maskUrl(entry.config.url()) + " failed (" + why + ")", e);
        }
    }

    /**
     * Closes every store, used or not, when the JVM exits, so that claims are released and the node unregistered.
     * The store asks H2 not to close the database on its own at exit ({@code DB_CLOSE_ON_EXIT=FALSE}), since its hook
     * would run at the same time as this one and close the database under the store's last statements.
     */
    private static void closeAllAtExit() {
        List<Entry> all;
        synchronized (ENTRIES) {
            all = new ArrayList<>(ENTRIES.values());
            ENTRIES.clear();
        }
        all.forEach(e -> close(e, "the JVM is shutting down"));
    }

    /** Called under the lock after an entry left. */
    private static void removeHookIfEmpty() {
        if (ENTRIES.isEmpty() && shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException exiting) {
                return;     // the hook is running or about to
            }
            shutdownHook = null;
        }
    }

    private static ScheduledThreadPoolExecutor idleCloser() {
        ScheduledThreadPoolExecutor closer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tablemq-idle-store-closer");
            t.setDaemon(true);
            return t;
        });
        closer.setRemoveOnCancelPolicy(true);
        closer.setKeepAliveTime(IDLE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        closer.allowCoreThreadTimeOut(true);   // no thread left behind once every store is closed
        return closer;
    }
}
