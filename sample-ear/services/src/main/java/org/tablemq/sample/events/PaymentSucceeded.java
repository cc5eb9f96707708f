package org.tablemq.sample.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Published by the payment service to the topic {@link Channels#PAYMENTS} once a payment is recorded.
 * The lines travel with the event so that logistics can reserve stock without calling the order service.
 */
public record PaymentSucceeded(long orderId, BigDecimal amount, Instant paidAt, List<OrderLine> lines) {

    /** The value of {@code JMSType} on every message carrying this event. */
    public static final String TYPE = "PaymentSucceeded";
}
