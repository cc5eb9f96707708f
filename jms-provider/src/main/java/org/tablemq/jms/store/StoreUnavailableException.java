package org.tablemq.jms.store;

import jakarta.jms.JMSException;
import org.tablemq.jms.internal.JmsErrors;

/**
 * The database cannot be reached (connection refused, lost, or the pool timed out). Nothing was applied: a write
 * whose connection broke while it committed is first resolved by the store, and only a write known not to have been
 * applied ends here; one whose outcome could not be learnt is a {@link StoreOutcomeUnknownException}.
 */
public class StoreUnavailableException extends StoreException {

    public static final String ERROR_CODE = "TMQ_STORE_UNAVAILABLE";

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The error code of the JMS exception this becomes. */
    public String errorCode() {
        return ERROR_CODE;
    }

    @Override
    public JMSException toJMSException() {
        return JmsErrors.create(new JMSException(getMessage(), errorCode()), this);
    }
}
