package org.tablemq.jms.client;

import jakarta.jms.JMSException;
import jakarta.jms.Session;
import jakarta.jms.XAConnection;
import jakarta.jms.XAQueueConnection;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XASession;
import jakarta.jms.XATopicConnection;
import jakarta.jms.XATopicSession;
import org.tablemq.jms.TableMQOptions;
import org.tablemq.jms.store.MessageStore;
import org.tablemq.jms.tx.TransactionContext;
import org.tablemq.jms.tx.XATransactionContext;

/**
 * An XAConnection (also XAQueueConnection and XATopicConnection). Its {@code createXA*Session} methods create
 * {@link TableMQXASession}s, whose work joins the branch their XAResource is associated with; its ordinary
 * {@code createSession} methods create ordinary sessions, except on a connection made for an XAJMSContext, whose
 * one session must be an XA session whatever mode the context asks for.
 */
public class TableMQXAConnection extends TableMQConnection implements XAConnection, XAQueueConnection, XATopicConnection {

    /** Set while this thread creates an XA session, so the two factory methods below make the XA kind. */
    private final ThreadLocal<Boolean> creatingXa = ThreadLocal.withInitial(() -> false);
    private final boolean onlyXa;

    /**
     * @param onlyXa every session of this connection is an XA session (the connection of an XAJMSContext)
     */
    public TableMQXAConnection(MessageStore store, Runnable onClose, TableMQOptions options, boolean onlyXa)
            throws JMSException {
        super(store, onClose, options);
        this.onlyXa = onlyXa;
    }

    @Override
    public TableMQXAConnection asQueueConnection() {
        super.asQueueConnection();
        return this;
    }

    @Override
    public XASession createXASession() throws JMSException {
        return xa(() -> createSession(true, Session.SESSION_TRANSACTED));
    }

    @Override
    public XAQueueSession createXAQueueSession() throws JMSException {
        return xa(() -> createQueueSession(true, Session.SESSION_TRANSACTED));
    }

    @Override
    public XATopicSession createXATopicSession() throws JMSException {
        return xa(() -> createTopicSession(true, Session.SESSION_TRANSACTED));
    }

    @FunctionalInterface
    private interface SessionCall {
        Session create() throws JMSException;
    }

    private TableMQXASession xa(SessionCall call) throws JMSException {
        creatingXa.set(true);
        try {
            return (TableMQXASession) call.create();
        } finally {
            creatingXa.set(false);
        }
    }

    private boolean xaWanted() {
        return onlyXa || creatingXa.get();
    }

    @Override
    protected TransactionContext createTransactionContext(String owner, boolean transacted) {
        return xaWanted() ? new XATransactionContext(storeGateway(), redeliveryPolicy(), owner)
                : super.createTransactionContext(owner, transacted);
    }

    @Override
    protected TableMQSession newSession(int number, boolean transacted, int acknowledgeMode, TableMQSession.Domain domain)
            throws JMSException {
        return xaWanted() ? new TableMQXASession(this, number, domain)
                : super.newSession(number, transacted, acknowledgeMode, domain);
    }
}
