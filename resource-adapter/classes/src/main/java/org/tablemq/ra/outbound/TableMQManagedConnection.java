package org.tablemq.ra.outbound;

import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionMetaData;
import jakarta.resource.spi.SecurityException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.security.auth.Subject;
import javax.transaction.xa.XAResource;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.store.StoreOutcomeUnknownException;
import org.tablemq.jms.store.StoreUnavailableException;
import org.tablemq.ra.Problems;

/**
 * One pooled provider connection with its one session, lent to applications as {@link SessionHandle}s. Tells the
 * server when a handle closes ({@code CONNECTION_CLOSED}, so the connection goes back to the pool once its transaction
 * is over) and when the store broke under it ({@code CONNECTION_ERROR_OCCURRED}, so the pool discards it).
 */
public final class TableMQManagedConnection implements ManagedConnection {

    private static final System.Logger LOG = Log.of(TableMQManagedConnection.class);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final TableMQManagedConnectionFactory factory;
    private final ConnectionRequest request;
    private final String name;
    private final PhysicalSession physical;
    private final ManagedXAResource xaResource;
    private final ManagedLocalTransaction localTransaction;
    private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<SessionHandle> handles = ConcurrentHashMap.newKeySet();
    private volatile boolean broken;
    private volatile boolean destroyed;
    private PrintWriter logWriter;

    TableMQManagedConnection(TableMQManagedConnectionFactory factory, ConnectionRequest request) throws ResourceException {
        this.factory = factory;
        this.request = request;
        this.name = "TableMQ managed connection " + IDS.incrementAndGet();
        try {
            this.physical = PhysicalSession.open(factory.providerFactory(), request, this::connectionError);
        } catch (JMSException e) {
            throw new ResourceException("Cannot open " + name + ": " + e.getMessage(), e);
        }
        XAResource xa = physical.xaResource();
        this.xaResource = xa == null ? null : new ManagedXAResource(xa);
        this.localTransaction = xa == null ? null : new ManagedLocalTransaction(xa, name);
    }

    @Override
    public Object getConnection(Subject subject, ConnectionRequestInfo info) throws ResourceException {
        checkNotDestroyed();
        ConnectionRequest wanted = ConnectionRequest.resolve(factory, subject, info);
        if (!wanted.equals(request)) {
            throw new SecurityException(name + " was opened for " + request + " and cannot serve " + wanted
                    + " (TableMQ does not support re-authentication)");
        }
        SessionHandle handle = new SessionHandle(this);
        handles.add(handle);
        return handle;
    }

    /** Moves a handle from another managed connection to this one (connection sharing, JCA 2.1 §6.5.4.4). */
    @Override
    public void associateConnection(Object connection) throws ResourceException {
        checkNotDestroyed();
        if (!(connection instanceof SessionHandle handle)) {
            throw new ResourceException("Cannot associate " + connection + " with " + name + ": not a TableMQ session handle");
        }
        TableMQManagedConnection previous = handle.managedConnection();
        if (previous != null) {
            previous.handles.remove(handle);
        }
        handle.associate(this);
        handles.add(handle);
    }

    /** Invalidates every handle (closing what they created on the session) and ends a local transaction left open. */
    @Override
    public void cleanup() throws ResourceException {
        for (SessionHandle handle : handles) {
            handle.invalidate();
        }
        handles.clear();
        if (localTransaction != null && localTransaction.active()) {
            localTransaction.rollback();
        }
    }

    @Override
    public void destroy() throws ResourceException {
        if (destroyed) {
            return;
        }
        try {
            cleanup();
        } finally {
            destroyed = true;
            try {
                physical.close();
            } catch (JMSException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "Closing " + name + " failed", e);
            }
        }
    }

    @Override
    public XAResource getXAResource() throws ResourceException {
        if (xaResource == null) {
            throw new NotSupportedException("The TableMQ provider in this RAR has no XAConnectionFactory, so " + name
                    + " cannot take part in XA transactions");
        }
        return xaResource;
    }

    @Override
    public LocalTransaction getLocalTransaction() throws ResourceException {
        if (localTransaction == null) {
            throw new NotSupportedException("The TableMQ provider in this RAR has no XA session, which " + name
                    + " needs for local transactions");
        }
        return localTransaction;
    }

    @Override
    public void addConnectionEventListener(ConnectionEventListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeConnectionEventListener(ConnectionEventListener listener) {
        listeners.remove(listener);
    }

    @Override
    public ManagedConnectionMetaData getMetaData() {
        return new Metadata();
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        this.logWriter = out;
    }

    @Override
    public PrintWriter getLogWriter() {
        return logWriter;
    }

    /** The session handles work on, if this connection is still alive. */
    Session session() throws JMSException {
        if (destroyed) {
            throw new jakarta.jms.IllegalStateException(name + " is destroyed");
        }
        return physical.session();
    }

    /** Whether the session's work belongs to a transaction (an XA branch or a local transaction) right now. */
    boolean inTransaction() {
        return (xaResource != null && xaResource.associated()) || (localTransaction != null && localTransaction.active());
    }

    /** Runs a provider call; a failure that means the store is gone marks this connection broken for the pool. */
    <T> T call(JmsCall<T> call) throws JMSException {
        try {
            return call.call();
        } catch (JMSException e) {
            if (isStoreFailure(e)) {
                connectionError(e);
            }
            throw e;
        }
    }

    private static boolean isStoreFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StoreUnavailableException
                    || (t instanceof JMSException j && (StoreUnavailableException.ERROR_CODE.equals(j.getErrorCode())
                            || StoreOutcomeUnknownException.ERROR_CODE.equals(j.getErrorCode())))) {
                return true;
            }
        }
        return false;
    }

    /** Tells the pool to discard this connection (also the provider connection's ExceptionListener). */
    void connectionError(JMSException e) {
        if (broken) {
            return;
        }
        broken = true;
        LOG.log(System.Logger.Level.WARNING, () -> java.text.MessageFormat.format(Problems.CONNECTION_ERROR, name), e);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_ERROR_OCCURRED, e);
        listeners.forEach(l -> l.connectionErrorOccurred(event));
    }

    /** A handle was closed by the application: the server may return this connection to the pool. */
    void handleClosed(SessionHandle handle) {
        handles.remove(handle);
        ConnectionEvent event = new ConnectionEvent(this, ConnectionEvent.CONNECTION_CLOSED);
        event.setConnectionHandle(handle);
        listeners.forEach(l -> l.connectionClosed(event));
    }

    TableMQManagedConnectionFactory factory() {
        return factory;
    }

    ConnectionRequest request() {
        return request;
    }

    boolean usable() {
        return !broken && !destroyed;
    }

    private void checkNotDestroyed() throws ResourceException {
        if (destroyed) {
            throw new jakarta.resource.spi.IllegalStateException(name + " is destroyed");
        }
    }

    @Override
    public String toString() {
        return name;
    }

    private final class Metadata implements ManagedConnectionMetaData {
        @Override
        public String getEISProductName() {
            return "TableMQ";
        }

        @Override
        public String getEISProductVersion() {
            try {
                return physical.connection().getMetaData().getProviderVersion();
            } catch (JMSException e) {
                return "unknown (" + e.getMessage() + ")";
            }
        }

        @Override
        public int getMaxConnections() {
            return 0;   // no limit of its own: the pool and the database decide
        }

        @Override
        public String getUserName() {
            return request.user();
        }
    }
}
