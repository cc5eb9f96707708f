package org.tablemq.jms.store;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import org.tablemq.jms.internal.JmsErrors;

/** A subscription or temporary destination has active consumers and cannot be taken, changed or deleted. */
public class SubscriptionInUseException extends StoreException {

    public SubscriptionInUseException(String message) {
        super(message);
    }

    @Override
    public JMSException toJMSException() {
        return JmsErrors.create(new IllegalStateException(getMessage()), this);
    }
}
