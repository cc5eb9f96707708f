package org.tablemq.ra;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.XAConnection;
import jakarta.jms.XAConnectionFactory;
import jakarta.jms.XASession;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.transaction.xa.XAResource;
import org.tablemq.jms.internal.Log;
import org.tablemq.ra.outbound.ManagedXAResource;

/**
 * The XA sessions the adapter keeps open for the server's recovery of inbound work, one per store: a store's
 * {@code recover()} lists every prepared branch in the database, whichever session prepared it.
 */
final class RecoveryResources implements AutoCloseable {

    private static final System.Logger LOG = Log.of(RecoveryResources.class);

    private final Map<StoreConfig, XAConnection> connections = new ConcurrentHashMap<>();
    private final Map<StoreConfig, XAResource> resources = new ConcurrentHashMap<>();

    synchronized XAResource resourceFor(StoreConfig store) throws ResourceException {
        XAResource known = resources.get(store);
        if (known != null) {
            return known;
        }
        ConnectionFactory factory = ProviderFactory.create(store, "recovery configuration");
        if (!(factory instanceof XAConnectionFactory xaFactory)) {
            throw new NotSupportedException("The TableMQ provider in this RAR has no XAConnectionFactory, so inbound "
                    + "work on " + Masking.maskUrl(store.url()) + " cannot be recovered");
        }
        try {
            XAConnection connection = xaFactory.createXAConnection();
            XASession session = connection.createXASession();
            XAResource resource = ManagedXAResource.forRecovery(session.getXAResource());
            connections.put(store, connection);
            resources.put(store, resource);
            return resource;
        } catch (JMSException e) {
            throw new ResourceException("Cannot open a recovery session on " + Masking.maskUrl(store.url()) + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        connections.forEach((store, connection) -> {
            try {
                connection.close();
            } catch (JMSException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, () -> java.text.MessageFormat.format(Problems.CLOSE_FAILED,
                        "the recovery connection to " + Masking.maskUrl(store.url())), e);
            }
        });
        connections.clear();
        resources.clear();
    }
}
