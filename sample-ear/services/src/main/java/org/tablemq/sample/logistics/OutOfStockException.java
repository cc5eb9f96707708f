package org.tablemq.sample.logistics;

import jakarta.ejb.ApplicationException;

/**
 * Not enough stock to ship an order. Rolls back every reservation and the shipment written before it, so the
 * event is redelivered; after the subscription's configured attempts it is dead-lettered.
 */
@ApplicationException(rollback = true)
public class OutOfStockException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OutOfStockException(long orderId, String sku, int wanted) {
        super("Order " + orderId + " needs " + wanted + " x " + sku + " but stock is short");
    }
}
