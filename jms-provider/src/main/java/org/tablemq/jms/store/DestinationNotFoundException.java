package org.tablemq.jms.store;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import org.tablemq.jms.internal.JmsErrors;

/** A destination that should exist does not (e.g. a deleted temporary queue). */
public class DestinationNotFoundException extends StoreException {

    public DestinationNotFoundException(String message) {
        super(message);
    }

    @Override
    public JMSException toJMSException() {
        return JmsErrors.create(new InvalidDestinationException(getMessage()), this);
    }
}
