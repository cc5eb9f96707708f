package org.tablemq.sample.order;

/** The order service's own view of an order: shipping state lives with logistics. */
public enum OrderStatus {
    CREATED,
    PAID,
    /** Paid, but logistics gave up on shipping it (ShipmentFailed): the payment is to be refunded. */
    REFUND_DUE
}
