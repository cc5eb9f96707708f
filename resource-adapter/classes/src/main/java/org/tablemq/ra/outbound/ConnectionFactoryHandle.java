package org.tablemq.ra.outbound;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.resource.Referenceable;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionManager;
import java.io.Serializable;
import javax.naming.Reference;
import org.tablemq.jms.internal.JmsErrors;
import org.tablemq.ra.StoreConfig;

/**
 * The connection factory applications look up (by default at {@code java:/jms/TableMQ}): a plain
 * {@code jakarta.jms.ConnectionFactory} whose connections and contexts are pooled and transaction-enlisted by the
 * server through the connection manager.
 */
public final class ConnectionFactoryHandle implements ConnectionFactory, Referenceable, Serializable {

    private static final long serialVersionUID = 1L;

    private final TableMQManagedConnectionFactory mcf;
    private final ConnectionManager connectionManager;
    private Reference reference;

    ConnectionFactoryHandle(TableMQManagedConnectionFactory mcf, ConnectionManager connectionManager) {
        this.mcf = mcf;
        this.connectionManager = connectionManager;
    }

    @Override
    public Connection createConnection() {
        return new ConnectionHandle(this, ConnectionRequest.DEFAULT);
    }

    @Override
    public Connection createConnection(String user, String password) {
        return new ConnectionHandle(this, new ConnectionRequest(user, password));
    }

    @Override
    public JMSContext createContext() {
        return new ContextHandle(new ConnectionHandle(this, ConnectionRequest.DEFAULT), JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String user, String password) {
        return new ContextHandle(new ConnectionHandle(this, new ConnectionRequest(user, password)), JMSContext.AUTO_ACKNOWLEDGE);
    }

    @Override
    public JMSContext createContext(String user, String password, int sessionMode) {
        return new ContextHandle(new ConnectionHandle(this, new ConnectionRequest(user, password)), sessionMode);
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        return new ContextHandle(new ConnectionHandle(this, ConnectionRequest.DEFAULT), sessionMode);
    }

    /** A session handle on a managed connection from the server's pool, enlisted in the current transaction. */
    SessionHandle allocate(ConnectionRequest request) throws JMSException {
        try {
            return (SessionHandle) connectionManager.allocateConnection(mcf, request);
        } catch (ResourceException e) {
            throw JmsErrors.create("Cannot get a TableMQ connection from the pool: " + e.getMessage(), e);
        }
    }

    /** The store behind this factory, for an activation that names it with connectionFactoryLookup. */
    public StoreConfig storeConfig() throws ResourceException {
        return mcf.storeConfig();
    }

    /** The client id configured as an option of this factory, null if none. */
    String clientId() throws JMSException {
        try {
            return mcf.storeConfig().options().get("clientId");
        } catch (ResourceException e) {
            throw JmsErrors.create("Cannot read the configuration of this TableMQ connection factory: " + e.getMessage(), e);
        }
    }

    /** The provider's metadata, from a short-lived provider connection (metadata needs no pooled session). */
    ConnectionMetaData metaData() throws JMSException {
        try (Connection connection = mcf.providerFactory().createConnection()) {
            return connection.getMetaData();
        } catch (ResourceException e) {
            throw JmsErrors.create("Cannot reach the TableMQ provider for its metadata: " + e.getMessage(), e);
        }
    }

    @Override
    public void setReference(Reference reference) {
        this.reference = reference;
    }

    @Override
    public Reference getReference() {
        return reference;
    }
}
