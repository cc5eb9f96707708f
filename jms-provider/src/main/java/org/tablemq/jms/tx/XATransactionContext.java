package org.tablemq.jms.tx;

import jakarta.jms.JMSException;
import jakarta.jms.TransactionInProgressException;
import java.util.List;
import org.tablemq.jms.store.OutgoingMessage;

/**
 * The transaction context of an XA session: while the session's {@link TableMQXAResource} has it associated with
 * a branch ({@code start} … {@code end}), sends and acknowledgements are buffered into that branch; outside a
 * branch the session works as a session outside a transaction does, each send and acknowledgement applied at once.
 * {@code commit} and {@code rollback} belong to the transaction manager and are refused.
 */
public final class XATransactionContext implements TransactionContext {

    private final String owner;
    private final BranchTable table;
    private final NoTransactionContext outside;
    private final TableMQXAResource resource;
    private volatile XidRecord current;
    private volatile PendingWork pendingWork = () -> { };

    /** Work of the session still on its way into the context (asynchronous sends), awaited before {@code end}. */
    @FunctionalInterface
    public interface PendingWork {
        void await() throws JMSException;
    }

    /**
     * @param gateway the session's door to the store
     * @param policy  what a rolled-back consumed message becomes (redelivery or dead letter)
     * @param owner   names the session in messages
     */
    public XATransactionContext(StoreGateway gateway, RedeliveryPolicy policy, String owner) {
        this.owner = owner;
        this.table = BranchTable.of(gateway.store());
        this.outside = new NoTransactionContext(gateway, owner);
        this.resource = new TableMQXAResource(this, table, gateway, policy);
    }

    /** The session's XAResource (one per session, as {@code XASession.getXAResource()} returns). */
    public TableMQXAResource xaResource() {
        return resource;
    }

    /** Sets what {@code end} waits for, so that work the session started inside the branch lands in it. */
    public void awaitBeforeEnd(PendingWork work) {
        this.pendingWork = work;
    }

    /** Waits for the session's pending work if it is associated with {@code xid}; called by {@code end}. */
    void awaitPendingWork(org.tablemq.jms.store.XidKey xid) throws JMSException {
        XidRecord branch = current;
        if (branch != null && branch.xid.equals(xid)) {
            pendingWork.await();
        }
    }

    /** Whether the session is associated with a branch now. */
    public boolean inBranch() {
        return current != null;
    }

    @Override
    public void send(List<OutgoingMessage> messages) throws JMSException {
        XidRecord branch = current;
        if (branch == null) {
            outside.send(messages);
        } else {
            table.addSends(branch, messages);
        }
    }

    @Override
    public void acknowledge(List<Delivery> deliveries) throws JMSException {
        XidRecord branch = current;
        if (branch == null) {
            outside.acknowledge(deliveries);
        } else if (!deliveries.isEmpty()) {
            table.addAcks(branch, deliveries);
        }
    }

    @Override
    public void commit() throws JMSException {
        throw refused("commit");
    }

    @Override
    public void rollback() throws JMSException {
        throw refused("roll back");
    }

    /** An XA session is transacted: its transactions are the transaction manager's (the XASession contract). */
    @Override
    public boolean isTransacted() {
        return true;
    }

    /**
     * The session closes. A branch it is associated with is left alone: it belongs to the transaction manager,
     * which still ends, prepares and decides it through the XAResource.
     */
    @Override
    public void close() {
        // nothing is buffered outside a branch; branch work stays with its XidRecord
    }

    /** The exception that refuses {@code commit}/{@code rollback} on an XA session, naming the branch if any. */
    public TransactionInProgressException refused(String what) {
        XidRecord branch = current;
        return new TransactionInProgressException("Cannot " + what + " " + owner + ": it is an XA session, whose"
                + " transactions are completed by the transaction manager through its XAResource"
                + (branch == null ? "" : " (it is associated with " + branch.xid + ")"));
    }

    String owner() {
        return owner;
    }

    XidRecord currentBranch() {
        return current;
    }

    void associate(XidRecord branch) {
        current = branch;
    }

    void dissociate(XidRecord branch) {
        if (current == branch) {
            current = null;
        }
    }
}
