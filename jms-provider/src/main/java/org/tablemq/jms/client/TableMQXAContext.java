package org.tablemq.jms.client;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.XAJMSContext;
import javax.transaction.xa.XAResource;
import org.tablemq.jms.internal.JmsErrors;

/**
 * An XAJMSContext: a JMSContext over a {@link TableMQXAConnection} whose session is an XA session, so its sends
 * and receives join the branch its {@link #getXAResource() XAResource} is associated with. {@code getTransacted()}
 * is true; {@code commit()} and {@code rollback()} are refused with TransactionInProgressRuntimeException, as the
 * XAJMSContext contract says.
 */
public class TableMQXAContext extends TableMQContext implements XAJMSContext {

    /** A context that owns {@code connection} (a connection made for XA contexts) and closes it at the end. */
    public TableMQXAContext(TableMQXAConnection connection) {
        super(connection, JMSContext.SESSION_TRANSACTED);
    }

    @Override
    public JMSContext getContext() {
        checkOpen("get the JMSContext");
        return this;
    }

    @Override
    public XAResource getXAResource() {
        return xaSession("get the XAResource").getXAResource();
    }

    @Override
    public boolean getTransacted() {
        checkOpen("get the transacted mode");
        return true;
    }

    @Override
    public void commit() {
        throw JmsErrors.toRuntime(refused("commit"));
    }

    @Override
    public void rollback() {
        throw JmsErrors.toRuntime(refused("roll back"));
    }

    private JMSException refused(String what) {
        return xaSession(what).refusal(what);
    }

    private TableMQXASession xaSession(String action) {
        return (TableMQXASession) session(action);
    }
}
