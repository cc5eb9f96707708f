package org.tablemq.jms.tx;

import jakarta.jms.JMSException;
import java.util.List;
import org.tablemq.jms.store.OutgoingMessage;

/**
 * How a session's sends and acknowledgements reach the store. A null object in the qpid-jms manner: the send
 * path and the ack code call {@link #send} and {@link #acknowledge} and never ask whether the session is
 * transacted; {@link NoTransactionContext} applies each call at once, {@link LocalTransactionContext} buffers
 * them until {@link #commit}, and an XA context buffers them into the enlisted branch.
 */
public interface TransactionContext {

    /** Sends messages (at once, or as part of the transaction). */
    void send(List<OutgoingMessage> messages) throws JMSException;

    /** Acknowledges delivered messages (at once, or as part of the transaction). */
    void acknowledge(List<Delivery> deliveries) throws JMSException;

    /** Applies the transaction's work in one store transaction; refused outside a transaction. */
    void commit() throws JMSException;

    /** Discards buffered sends and gives consumed messages back for redelivery; refused outside a transaction. */
    void rollback() throws JMSException;

    /** What {@code Session.getTransacted()} reports. */
    boolean isTransacted();

    /** The session is closing: pending work is rolled back. */
    void close() throws JMSException;
}
