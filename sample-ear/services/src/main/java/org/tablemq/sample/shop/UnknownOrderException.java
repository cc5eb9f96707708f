package org.tablemq.sample.shop;

import jakarta.ejb.ApplicationException;

/** A payment for an order the order service does not know. */
@ApplicationException(rollback = true)
public class UnknownOrderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnknownOrderException(long orderId) {
        super("There is no order " + orderId);
    }
}
