package org.tablemq.jms.client;

import jakarta.jms.JMSException;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TopicSession;
import jakarta.jms.TransactionInProgressException;
import jakarta.jms.XAQueueSession;
import jakarta.jms.XASession;
import jakarta.jms.XATopicSession;
import javax.transaction.xa.XAResource;
import org.tablemq.jms.tx.XATransactionContext;

/**
 * An XASession (also XAQueueSession and XATopicSession): a session whose sends and acknowledgements join the XA
 * branch its {@link #getXAResource() XAResource} is associated with, and are applied at once outside a branch.
 * {@code commit()} and {@code rollback()} are refused with TransactionInProgressException: the transaction
 * manager completes the work. {@code getTransacted()} is true, as the XASession contract says.
 */
public class TableMQXASession extends TableMQSession implements XASession, XAQueueSession, XATopicSession {

    private final XATransactionContext xa;

    TableMQXASession(TableMQXAConnection connection, int number, Domain domain) {
        super(connection, number, true, SESSION_TRANSACTED, domain);
        this.xa = (XATransactionContext) transactionContext();
        xa.awaitBeforeEnd(this::awaitAsyncSends);
    }

    /**
     * Waits until this session's asynchronous sends reached the transaction context, so that a send made inside a
     * branch joins it even when {@code end} comes first. The session's commit path is the one that waits for them
     * (TableMQSession exposes no other way); on an XA session it then ends in the expected refusal.
     */
    private void awaitAsyncSends() throws JMSException {
        try {
            super.commit();
        } catch (TransactionInProgressException expected) {
            // the asynchronous sends are done; commit itself is always refused on an XA session
        } catch (jakarta.jms.IllegalStateException closed) {
            // a closed session waited for its asynchronous sends while closing
        }
    }

    @Override
    public XAResource getXAResource() {
        return xa.xaResource();
    }

    @Override
    public Session getSession() throws JMSException {
        checkOpen();
        return this;
    }

    @Override
    public QueueSession getQueueSession() throws JMSException {
        checkOpen();
        return this;
    }

    @Override
    public TopicSession getTopicSession() throws JMSException {
        checkOpen();
        return this;
    }

    /** Refused without touching anything (prefetched messages stay), whether or not a branch is associated. */
    @Override
    public void commit() throws JMSException {
        checkOpen();
        throw xa.refused("commit");
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        throw xa.refused("roll back");
    }

    TransactionInProgressException refusal(String what) {
        return xa.refused(what);
    }
}
