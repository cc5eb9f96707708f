package org.tablemq.sample.logistics;

import java.time.Instant;

/** A shipment created for a paid order. */
public record Shipment(long id, long orderId, String status, Instant createdAt) {
}
