package org.tablemq.sample.payment;

import jakarta.ejb.ApplicationException;

/** The order is already paid. Rolls back the transaction, which withdraws the event already published in it. */
@ApplicationException(rollback = true)
public class DuplicatePaymentException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DuplicatePaymentException(long orderId, Throwable cause) {
        super("Order " + orderId + " is already paid", cause);
    }
}
