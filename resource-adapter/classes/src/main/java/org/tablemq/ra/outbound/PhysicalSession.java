package org.tablemq.ra.outbound;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.ExceptionListener;
import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.XAConnection;
import jakarta.jms.XAConnectionFactory;
import jakarta.jms.XASession;
import javax.transaction.xa.XAResource;

/**
 * The provider connection and session behind one managed connection. With an XA-capable provider the session is an
 * XASession: inside a branch its work commits with the branch, outside one it is non-transacted and auto-acknowledged,
 * exactly what Jakarta Messaging 3.1 §12.3 asks of a session in a container.
 *
 * @param connection the provider connection, started
 * @param session    the one session applications use through handles
 * @param xaResource the session's XAResource, null if the provider offers no XA
 */
record PhysicalSession(Connection connection, Session session, XAResource xaResource) {

    static PhysicalSession open(ConnectionFactory factory, ConnectionRequest request, ExceptionListener onError)
            throws JMSException {
        Connection connection = null;
        try {
            if (factory instanceof XAConnectionFactory xaFactory) {
                XAConnection xa = request.isDefault() ? xaFactory.createXAConnection()
                        : xaFactory.createXAConnection(request.user(), request.password());
                connection = xa;
                XASession session = xa.createXASession();
                finish(xa, onError);
                return new PhysicalSession(xa, session, session.getXAResource());
            }
            connection = request.isDefault() ? factory.createConnection()
                    : factory.createConnection(request.user(), request.password());
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            finish(connection, onError);
            return new PhysicalSession(connection, session, null);
        } catch (JMSException | RuntimeException e) {
            if (connection != null) {
                try {
                    connection.close();
                } catch (JMSException | RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** Started at once: pooled connections serve receives without the application calling start (it may not stop them). */
    private static void finish(Connection connection, ExceptionListener onError) throws JMSException {
        connection.setExceptionListener(onError);
        connection.start();
    }

    void close() throws JMSException {
        connection.close();
    }
}
