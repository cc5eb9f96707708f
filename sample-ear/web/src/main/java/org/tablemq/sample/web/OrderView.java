package org.tablemq.sample.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.tablemq.sample.events.OrderLine;

/**
 * An order as the page shows it, assembled from the services that each own a part of it: the order service
 * (status, payment events applied, the ShipmentFailed it applied), logistics (shipments, dead letters) and what the
 * subscribers saw.
 */
public record OrderView(long id, List<OrderLine> lines, BigDecimal amount, String status, Instant createdAt,
                        Instant paidAt, int paymentEvents, String shipmentStatus, int shipments,
                        int logisticsAttempts, int lastDeliveryCount, boolean deadLettered,
                        String shipmentFailure, Instant shipmentFailedAt) {
}
