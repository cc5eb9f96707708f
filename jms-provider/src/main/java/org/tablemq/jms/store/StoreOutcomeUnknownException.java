package org.tablemq.jms.store;

/**
 * The connection broke while a write committed, and the database stayed out of reach for as long as the store
 * tried to learn whether the commit happened: the write may or may not have been applied. The only answer of the
 * store that is not a plain yes or no; a caller that resends may make a duplicate.
 */
public class StoreOutcomeUnknownException extends StoreUnavailableException {

    public static final String ERROR_CODE = "TMQ_OUTCOME_UNKNOWN";

    public StoreOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }

    @Override
    public String errorCode() {
        return ERROR_CODE;
    }
}
