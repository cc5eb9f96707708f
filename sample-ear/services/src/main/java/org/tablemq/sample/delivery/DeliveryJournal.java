package org.tablemq.sample.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Remembers every delivery attempt the subscribers saw, outside any transaction, so that attempts whose
 * transaction rolled back stay visible: the page shows them, and they prove redelivery headers in tests.
 * In memory and bounded; it is a window on recent activity, not a record.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryJournal {

    private static final int MAX_ORDERS = 20_000;

    private final Map<Long, List<Delivery>> byOrder = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, List<Delivery>> eldest) {
            return size() > MAX_ORDERS;
        }
    };

    public void record(String subscriber, long orderId, boolean redelivered, int deliveryCount) {
        Delivery delivery = new Delivery(subscriber, orderId, redelivered, deliveryCount, Instant.now());
        synchronized (byOrder) {
            byOrder.computeIfAbsent(orderId, id -> new ArrayList<>()).add(delivery);
        }
    }

    public List<Delivery> of(long orderId) {
        synchronized (byOrder) {
            return List.copyOf(byOrder.getOrDefault(orderId, List.of()));
        }
    }
}
