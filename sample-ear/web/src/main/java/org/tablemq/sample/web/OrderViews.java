package org.tablemq.sample.web;

import java.util.Collection;
import java.util.List;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;

import org.tablemq.sample.delivery.Delivery;
import org.tablemq.sample.delivery.DeliveryJournal;
import org.tablemq.sample.logistics.LogisticsService;
import org.tablemq.sample.logistics.Shipment;
import org.tablemq.sample.order.Order;

/** Joins one order with what logistics and the subscribers know about it. */
@ApplicationScoped
public class OrderViews {

    @EJB
    private LogisticsService logistics;
    @EJB
    private DeliveryJournal journal;

    /**
     * The shipment column: the shipment's status, else FAILED when logistics recorded the order's event as a dead
     * letter, else how far delivery has got.
     */
    public OrderView of(Order order, Collection<Long> deadLettered) {
        List<Shipment> shipments = logistics.shipmentsOf(order.id());
        List<Delivery> attempts = journal.of(order.id()).stream()
                .filter(d -> d.subscriber().equals("logistics-service")).toList();
        boolean dead = deadLettered.contains(order.id());
        String shipmentStatus = !shipments.isEmpty() ? shipments.get(0).status()
                : dead ? "FAILED" : attempts.isEmpty() ? null : attempts.size() == 1 ? "PROCESSING" : "RETRYING";
        return new OrderView(order.id(), order.lines(), order.amount(), order.status().name(), order.createdAt(),
                order.paidAt(), order.paymentEvents(), shipmentStatus, shipments.size(), attempts.size(),
                attempts.isEmpty() ? 0 : attempts.get(attempts.size() - 1).deliveryCount(), dead,
                order.shipmentFailure(), order.shipmentFailedAt());
    }
}
