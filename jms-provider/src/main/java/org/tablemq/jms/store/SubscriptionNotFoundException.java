package org.tablemq.jms.store;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import org.tablemq.jms.internal.JmsErrors;

/** Unsubscribe named a durable subscription that does not exist. */
public class SubscriptionNotFoundException extends StoreException {

    public SubscriptionNotFoundException(String message) {
        super(message);
    }

    @Override
    public JMSException toJMSException() {
        return JmsErrors.create(new InvalidDestinationException(getMessage()), this);
    }
}
