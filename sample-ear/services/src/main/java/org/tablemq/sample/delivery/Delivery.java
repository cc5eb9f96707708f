package org.tablemq.sample.delivery;

import java.time.Instant;

/** One delivery attempt of an event to a subscriber, as the subscriber saw it. */
public record Delivery(String subscriber, long orderId, boolean redelivered, int deliveryCount, Instant at) {
}
