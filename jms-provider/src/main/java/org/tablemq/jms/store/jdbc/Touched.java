package org.tablemq.jms.store.jdbc;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The endpoints a transaction made messages deliverable on, each with the earliest time they become so
 * (0 for at once). Collected while writing, announced to other nodes inside the transaction and signalled
 * locally after the commit.
 */
final class Touched {

    private final Map<Long, Long> earliest = new LinkedHashMap<>();

    void add(long endpointId, long deliverAt) {
        long at = Math.max(0, deliverAt);
        earliest.merge(endpointId, at, Math::min);
    }

    void addAll(Touched other) {
        other.earliest.forEach(this::add);
    }

    boolean isEmpty() {
        return earliest.isEmpty();
    }

    Map<Long, Long> entries() {
        return earliest;
    }

    /** Wakes this node's waiting consumers, now or at each message's delivery time. */
    void signal(Arrivals arrivals) {
        earliest.forEach(arrivals::bumpAt);
    }
}
