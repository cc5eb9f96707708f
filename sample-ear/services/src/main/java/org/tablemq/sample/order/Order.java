package org.tablemq.sample.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.tablemq.sample.events.OrderLine;

/**
 * An order as the order service sees it. {@code paymentEvents} counts the PaymentSucceeded events applied,
 * which makes "delivered exactly once" visible (it must never exceed 1). {@code shipmentFailure} and
 * {@code shipmentFailedAt} come from a ShipmentFailed event, null until one arrives.
 */
public record Order(long id, List<OrderLine> lines, BigDecimal amount, OrderStatus status, Instant createdAt,
                    Instant paidAt, int paymentEvents, String shipmentFailure, Instant shipmentFailedAt) {
}
