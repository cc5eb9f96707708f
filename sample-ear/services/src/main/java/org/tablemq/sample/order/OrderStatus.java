package org.tablemq.sample.order;

/** The order service's own view of an order: shipping state lives with logistics. */
public enum OrderStatus {
    CREATED,
    PAID
}
