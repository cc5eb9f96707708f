package org.tablemq.ra.outbound;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import org.tablemq.ra.outbound.ContainerRestrictions.Forbidden;

/**
 * What an application holds as a {@code jakarta.jms.Connection}. It owns no provider resources itself: its one
 * session (§12.2 allows one active session per connection) is a managed connection the server allocates, pooled and
 * enlisted in the current transaction. Session parameters are ignored as §12.3 recommends.
 */
final class ConnectionHandle implements Connection {

    private final ConnectionFactoryHandle factory;
    private final ConnectionRequest request;
    private SessionHandle session;
    private boolean closed;

    ConnectionHandle(ConnectionFactoryHandle factory, ConnectionRequest request) {
        this.factory = factory;
        this.request = request;
    }

    @Override
    public synchronized Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        checkOpen();
        if (session != null) {
            throw ContainerRestrictions.refuse(Forbidden.SECOND_SESSION);
        }
        SessionHandle created = factory.allocate(request);
        created.onClose(() -> sessionClosed(created));
        session = created;
        return created;
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        return createSession(sessionMode == Session.SESSION_TRANSACTED, sessionMode);
    }

    @Override
    public Session createSession() throws JMSException {
        return createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    private synchronized void sessionClosed(SessionHandle closedSession) {
        if (session == closedSession) {
            session = null;
        }
    }

    @Override
    public void close() throws JMSException {
        SessionHandle toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = session;
            session = null;
        }
        if (toClose != null) {
            toClose.close();
        }
    }

    /** Pooled connections are always started; start is accepted for portability. */
    @Override
    public synchronized void start() throws JMSException {
        checkOpen();
    }

    @Override
    public void stop() throws JMSException {
        throw ContainerRestrictions.refuse(Forbidden.STOP);
    }

    @Override
    public String getClientID() throws JMSException {
        checkOpen();
        return factory.clientId();
    }

    @Override
    public void setClientID(String clientID) throws JMSException {
        throw ContainerRestrictions.refuse(Forbidden.SET_CLIENT_ID);
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkOpen();
        return factory.metaData();
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkOpen();
        return null;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        throw ContainerRestrictions.refuse(Forbidden.SET_EXCEPTION_LISTENER);
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String selector, ServerSessionPool pool,
                                                       int maxMessages) throws JMSException {
        throw ContainerRestrictions.refuse(Forbidden.CONNECTION_CONSUMER);
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String name, String selector,
                                                             ServerSessionPool pool, int maxMessages) throws JMSException {
        throw ContainerRestrictions.refuse(Forbidden.CONNECTION_CONSUMER);
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String name, String selector,
                                                              ServerSessionPool pool, int maxMessages) throws JMSException {
        throw ContainerRestrictions.refuse(Forbidden.CONNECTION_CONSUMER);
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String name, String selector,
                                                                    ServerSessionPool pool, int maxMessages)
            throws JMSException {
        throw ContainerRestrictions.refuse(Forbidden.CONNECTION_CONSUMER);
    }

    private synchronized void checkOpen() throws JMSException {
        if (closed) {
            throw new IllegalStateException("This TableMQ connection is closed");
        }
    }
}
