package org.tablemq.jms.store;

import jakarta.jms.JMSException;
import org.tablemq.jms.internal.JmsErrors;

/** The database cannot be reached (connection refused, lost, or the pool timed out). Nothing was applied. */
public class StoreUnavailableException extends StoreException {

    public static final String ERROR_CODE = "TMQ_STORE_UNAVAILABLE";

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public JMSException toJMSException() {
        return JmsErrors.create(new JMSException(getMessage(), ERROR_CODE), this);
    }
}
