package org.tablemq.ra.testing;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small application server's connection manager: a pool of managed connections; inside a JTA transaction the
 * managed connection's XAResource is enlisted, and the connection goes back to the pool when its handle is closed and
 * the transaction is over; a connection that reports an error is destroyed. Records the events it received.
 */
public final class EnlistingConnectionManager implements ConnectionManager {

    private static final long serialVersionUID = 1L;

    private final transient TransactionManager tm;
    private final transient Set<ManagedConnection> free = ConcurrentHashMap.newKeySet();
    private final transient Set<ManagedConnection> all = ConcurrentHashMap.newKeySet();
    private final transient Set<ManagedConnection> inTransaction = ConcurrentHashMap.newKeySet();
    private final transient Set<ManagedConnection> closedHandles = ConcurrentHashMap.newKeySet();
    private final transient List<String> events = new CopyOnWriteArrayList<>();

    public EnlistingConnectionManager(TransactionManager tm) {
        this.tm = tm;
    }

    public List<String> events() {
        return events;
    }

    public Set<ManagedConnection> pooled() {
        return free;
    }

    public Set<ManagedConnection> all() {
        return all;
    }

    @Override
    public Object allocateConnection(ManagedConnectionFactory mcf, ConnectionRequestInfo info) throws ResourceException {
        ManagedConnection mc = mcf.matchManagedConnections(Set.copyOf(free), null, info);
        if (mc != null) {
            free.remove(mc);
        } else {
            mc = mcf.createManagedConnection(null, info);
            all.add(mc);
            mc.addConnectionEventListener(new Listener(mc));
        }
        enlist(mc);
        return mc.getConnection(null, info);
    }

    private void enlist(ManagedConnection mc) throws ResourceException {
        try {
            Transaction tx = tm.getTransaction();
            if (tx == null || tx.getStatus() != Status.STATUS_ACTIVE) {
                return;
            }
            tx.enlistResource(mc.getXAResource());
            inTransaction.add(mc);
            tx.registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    inTransaction.remove(mc);
                    events.add("afterCompletion:" + status);
                }
            });
        } catch (ResourceException e) {
            throw e;
        } catch (Exception e) {
            throw new ResourceException("Cannot enlist " + mc, e);
        }
    }

    /** Returns a closed connection to the pool once no transaction uses it (what IronJacamar does after completion). */
    public void returnIdle() throws ResourceException {
        for (ManagedConnection mc : all) {
            if (!inTransaction.contains(mc) && !free.contains(mc) && closedHandles.contains(mc)) {
                mc.cleanup();
                closedHandles.remove(mc);
                free.add(mc);
            }
        }
    }

    public void destroyAll() throws ResourceException {
        for (ManagedConnection mc : all) {
            mc.destroy();
        }
        all.clear();
        free.clear();
    }

    private final class Listener implements ConnectionEventListener {
        private final ManagedConnection mc;

        Listener(ManagedConnection mc) {
            this.mc = mc;
        }

        @Override
        public void connectionClosed(ConnectionEvent event) {
            events.add("CONNECTION_CLOSED");
            closedHandles.add(mc);
            if (!inTransaction.contains(mc)) {
                try {
                    returnIdle();
                } catch (ResourceException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        @Override
        public void connectionErrorOccurred(ConnectionEvent event) {
            events.add("CONNECTION_ERROR_OCCURRED");
            free.remove(mc);
            all.remove(mc);
            try {
                mc.destroy();
            } catch (ResourceException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void localTransactionStarted(ConnectionEvent event) {
            events.add("LOCAL_TRANSACTION_STARTED");
        }

        @Override
        public void localTransactionCommitted(ConnectionEvent event) {
            events.add("LOCAL_TRANSACTION_COMMITTED");
        }

        @Override
        public void localTransactionRolledback(ConnectionEvent event) {
            events.add("LOCAL_TRANSACTION_ROLLEDBACK");
        }
    }
}
