package org.tablemq.jms.store.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The endpoints a transaction made messages deliverable on: per endpoint, how many became deliverable at once
 * and the earliest time one of the others becomes so. Collected while writing, announced to other nodes inside
 * the transaction and signalled locally after the commit.
 */
final class Touched {

    /** An unknown number of messages (e.g. everything a prepared transaction sent): every waiter is woken. */
    static final int UNKNOWN = Integer.MAX_VALUE;

    private final Map<Long, Integer> readyNow = new LinkedHashMap<>();
    private final Map<Long, Long> readyLater = new LinkedHashMap<>();

    /** One message on the endpoint, deliverable from {@code deliverAt} (0 or less: at once). */
    void add(long endpointId, long deliverAt) {
        if (deliverAt > 0) {
            readyLater.merge(endpointId, deliverAt, Math::min);
        } else {
            readyNow.merge(endpointId, 1, Touched::saturatedSum);
        }
    }

    /** Messages on the endpoint, deliverable at once, how many is not known. */
    void addEndpoint(long endpointId) {
        readyNow.put(endpointId, UNKNOWN);
    }

    /** Forgets everything: a transaction written again (a retry, or a batch rerun alone) collects afresh. */
    void clear() {
        readyNow.clear();
        readyLater.clear();
    }

    void addAll(Touched other) {
        other.readyNow.forEach((endpoint, count) -> readyNow.merge(endpoint, count, Touched::saturatedSum));
        other.readyLater.forEach((endpoint, at) -> readyLater.merge(endpoint, at, Math::min));
    }

    boolean isEmpty() {
        return readyNow.isEmpty() && readyLater.isEmpty();
    }

    /** Each endpoint with the earliest time a message becomes deliverable there (0 for at once). */
    Map<Long, Long> entries() {
        Map<Long, Long> earliest = new LinkedHashMap<>(readyLater);
        readyNow.keySet().forEach(endpoint -> earliest.put(endpoint, 0L));
        return earliest;
    }

    /**
     * Wakes this node's waiting consumers: as many as there are new messages at once (a message wakes one
     * consumer, not all of them, who would otherwise all query the store for it), and every waiter when a delayed
     * message's time comes.
     */
    void signal(Arrivals arrivals) {
        readyNow.forEach(arrivals::bump);
        readyLater.forEach(arrivals::bumpAt);
    }

    private static int saturatedSum(int a, int b) {
        return (int) Math.min(UNKNOWN, (long) a + b);
    }
}
