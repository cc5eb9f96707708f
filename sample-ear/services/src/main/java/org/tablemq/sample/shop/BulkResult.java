package org.tablemq.sample.shop;

/** A burst: orders [firstOrderId, lastOrderId] were placed; their payments are under way when this is returned. */
public record BulkResult(long firstOrderId, long lastOrderId, int count, int payers) {
}
