package org.tablemq.sample.shop;

/** What a burst of orders did: ids [firstOrderId, lastOrderId] were placed and paid in paymentMillis. */
public record BulkResult(long firstOrderId, long lastOrderId, int count, long paymentMillis) {
}
