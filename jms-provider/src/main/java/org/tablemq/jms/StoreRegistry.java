package org.tablemq.jms;

import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import java.util.HashMap;
import java.util.Map;
import org.tablemq.jms.internal.JmsErrors;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.store.MessageStore;
import org.tablemq.jms.store.StoreException;
import org.tablemq.jms.store.jdbc.JdbcMessageStore;
import org.tablemq.jms.store.jdbc.JdbcStoreConfig;

/**
 * The open stores of this JVM, one per store configuration (URL, credentials, store options), shared by the
 * connections of every factory with that configuration and closed when the last of them closes. A store that
 * fails to open is not remembered, so the next connection attempt tries again (e.g. once the database is back).
 */
final class StoreRegistry {

    private static final System.Logger LOG = Log.of(StoreRegistry.class);
    private static final Map<JdbcStoreConfig, Entry> OPEN = new HashMap<>();

    private StoreRegistry() {
    }

    private static final class Entry {
        final MessageStore store;
        int users;

        Entry(MessageStore store) {
            this.store = store;
        }
    }

    /** A use of a shared store; {@link #release()} once (further calls do nothing). */
    static final class Handle {
        private final JdbcStoreConfig config;
        private final MessageStore store;
        private boolean released;

        private Handle(JdbcStoreConfig config, MessageStore store) {
            this.config = config;
            this.store = store;
        }

        MessageStore store() {
            return store;
        }

        void release() {
            synchronized (OPEN) {
                if (released) {
                    return;
                }
                released = true;
                Entry e = OPEN.get(config);
                if (e != null && e.store == store && --e.users == 0) {
                    OPEN.remove(config);
                    LOG.log(System.Logger.Level.DEBUG, () -> "Closing the store at " + TableMQOptions.maskUrl(config.url())
                            + ": its last connection closed");
                    store.close();
                }
            }
        }
    }

    static Handle acquire(JdbcStoreConfig config) throws JMSException {
        synchronized (OPEN) {
            Entry e = OPEN.get(config);
            if (e == null) {
                e = new Entry(open(config));
                OPEN.put(config, e);
            }
            e.users++;
            return new Handle(config, e.store);
        }
    }

    private static MessageStore open(JdbcStoreConfig config) throws JMSException {
        try {
            return JdbcMessageStore.open(config);
        } catch (Exception e) {
            if (e instanceof StoreException se) {
                JMSException j = se.toJMSException();
                String message = "Cannot open the TableMQ store at " + TableMQOptions.maskUrl(config.url()) + ": " + se.getMessage();
                throw JmsErrors.create(j instanceof JMSSecurityException ? new JMSSecurityException(message, j.getErrorCode())
                        : new JMSException(message, j.getErrorCode()), se);
            }
            throw JmsErrors.create("Cannot open the TableMQ store at " + TableMQOptions.maskUrl(config.url()) + ": " + e, e);
        }
    }
}
