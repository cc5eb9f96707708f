package org.tablemq.jms.store;

import jakarta.jms.JMSException;
import org.tablemq.jms.internal.JmsErrors;

/**
 * A store operation failed. Each subclass knows which JMS exception it becomes, so the facade converts with
 * one call and never inspects SQL errors.
 */
public class StoreException extends Exception {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public StoreException(String message) {
        super(message);
    }

    /** The JMS exception for this failure, with this exception as cause and linked exception. */
    public JMSException toJMSException() {
        return JmsErrors.create(new JMSException(getMessage()), this);
    }
}
