package org.tablemq.sample.web;

import java.util.List;

import org.tablemq.sample.logistics.StockLevel;

/**
 * The page's dashboard. The backlogs are derived from what each service has recorded (payments made minus events
 * handled), using only standard APIs: Jakarta Messaging has no call to count a durable subscription's messages.
 */
public record ShopStatus(List<StockLevel> stock, long payments, long ordersPaid, long shipments, long deadLetters,
                         long orderBacklog, long logisticsBacklog) {
}
