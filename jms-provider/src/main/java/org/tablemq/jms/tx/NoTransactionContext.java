package org.tablemq.jms.tx;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import java.util.List;
import org.tablemq.jms.store.OutgoingMessage;

/** The null object: every send and acknowledgement is one store call, durable when it returns. */
public final class NoTransactionContext implements TransactionContext {

    private final StoreGateway store;
    private final String owner;

    /**
     * @param owner names the session in messages, e.g. {@code "session 2 of connection c-1"}
     */
    public NoTransactionContext(StoreGateway store, String owner) {
        this.store = store;
        this.owner = owner;
    }

    @Override
    public void send(List<OutgoingMessage> messages) throws JMSException {
        store.run("send " + describe(messages), s -> s.send(messages));
    }

    @Override
    public void acknowledge(List<Delivery> deliveries) throws JMSException {
        if (!deliveries.isEmpty()) {
            List<Long> ids = deliveries.stream().map(Delivery::messageId).toList();
            store.run("acknowledge " + ids.size() + " message(s) from " + deliveries.get(0).source(), s -> s.acknowledge(ids));
        }
    }

    @Override
    public void commit() throws JMSException {
        throw new IllegalStateException("Cannot commit " + owner + ": it is not transacted");
    }

    @Override
    public void rollback() throws JMSException {
        throw new IllegalStateException("Cannot roll back " + owner + ": it is not transacted");
    }

    @Override
    public boolean isTransacted() {
        return false;
    }

    @Override
    public void close() {
        // nothing is pending outside a transaction
    }

    static String describe(List<OutgoingMessage> messages) {
        return messages.size() == 1 ? "a message to " + messages.get(0).destination()
                : messages.size() + " messages";
    }
}
