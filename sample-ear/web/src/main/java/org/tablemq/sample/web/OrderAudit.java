package org.tablemq.sample.web;

/**
 * Exactly-once bookkeeping over a range of orders: each order should have had its payment event applied once by
 * the order service and be shipped once by logistics; the "more than once" figures must stay at zero.
 */
public record OrderAudit(long from, long to, long paidOnce, long paidMoreThanOnce, long shippedOnce,
                         long shippedMoreThanOnce) {
}
