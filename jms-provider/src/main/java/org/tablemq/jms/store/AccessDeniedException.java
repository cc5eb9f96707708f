package org.tablemq.jms.store;

import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import org.tablemq.jms.internal.JmsErrors;

/** The database refused the store's credentials (a wrong user or password): a security failure, not an outage. */
public class AccessDeniedException extends StoreException {

    public AccessDeniedException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public JMSException toJMSException() {
        return JmsErrors.create(new JMSSecurityException(getMessage()), this);
    }
}
