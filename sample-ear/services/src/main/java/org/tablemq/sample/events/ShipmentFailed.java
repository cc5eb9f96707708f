package org.tablemq.sample.events;

import java.time.Instant;

/**
 * Published by the logistics service to the topic {@link Channels#SHIPMENTS} when it gives up on shipping a paid
 * order (its PaymentSucceeded event was dead-lettered): the compensating event. The order service answers it by
 * marking the order for a refund.
 */
public record ShipmentFailed(long orderId, String reason, Instant failedAt) {

    /** The value of {@code JMSType} on every message carrying this event. */
    public static final String TYPE = "ShipmentFailed";
}
