package org.tablemq.jms;

import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.XAJMSContext;
import org.tablemq.jms.client.TableMQXAConnection;
import org.tablemq.jms.client.TableMQXAContext;
import org.tablemq.jms.internal.JmsErrors;

/**
 * What {@link TableMQConnectionFactory}'s XA methods do: XA connections and XA contexts on the shared store of
 * the factory's options, opened as {@code TableMQConnectionFactory.connect} opens ordinary connections (same
 * validation, same shared store), so the factory itself gains only one-line delegations.
 */
final class XAConnections {

    private XAConnections() {
    }

    static TableMQXAConnection connect(TableMQOptions options) throws JMSException {
        return open(options, false);
    }

    static TableMQXAConnection connect(TableMQOptions options, String user, String password) throws JMSException {
        return connect(options.set(TableMQOptions.USER, user).set(TableMQOptions.PASSWORD, password));
    }

    static XAJMSContext context(TableMQOptions options) {
        TableMQXAConnection connection;
        try {
            connection = open(options, true);
        } catch (JMSException e) {
            throw JmsErrors.toRuntime(e);
        }
        try {
            return new TableMQXAContext(connection);
        } catch (RuntimeException e) {
            try {
                connection.close();
            } catch (JMSException closing) {
                e.addSuppressed(closing);
            }
            throw e instanceof JMSRuntimeException ? e : new JMSRuntimeException("Cannot create an XAJMSContext: " + e, null, e);
        }
    }

    static XAJMSContext context(TableMQOptions options, String user, String password) {
        return context(options.set(TableMQOptions.USER, user).set(TableMQOptions.PASSWORD, password));
    }

    private static TableMQXAConnection open(TableMQOptions options, boolean onlyXa) throws JMSException {
        StoreRegistry.Handle handle = StoreRegistry.acquire(options);
        try {
            return new TableMQXAConnection(handle.store(), handle::release, options, onlyXa);
        } catch (JMSException | RuntimeException e) {
            handle.release();
            throw e;
        }
    }
}
