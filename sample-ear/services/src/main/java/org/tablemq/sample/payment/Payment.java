package org.tablemq.sample.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** A recorded payment; at most one per order. */
public record Payment(long id, long orderId, BigDecimal amount, Instant paidAt) {
}
