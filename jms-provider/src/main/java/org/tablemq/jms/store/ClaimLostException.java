package org.tablemq.jms.store;

import jakarta.jms.JMSException;
import jakarta.jms.TransactionRolledBackException;
import org.tablemq.jms.internal.JmsErrors;

/**
 * A claimed message is no longer owned by the caller (its lease expired, e.g. after a long pause, and
 * another consumer took it). The acknowledgement or transaction was not applied.
 */
public class ClaimLostException extends StoreException {

    public ClaimLostException(String message) {
        super(message);
    }

    @Override
    public JMSException toJMSException() {
        return JmsErrors.create(new TransactionRolledBackException(getMessage()), this);
    }
}
