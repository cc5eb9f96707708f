package org.tablemq.jms.store;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Asks for up to {@code max} deliverable messages of one endpoint, in priority order (higher first, then
 * oldest first). Deliverable means: not claimed by anyone with a live lease, not part of a prepared or
 * uncommitted transaction, {@code deliverAt} reached, not expired (expired ones are removed, never returned).
 * Claimed messages get {@code consumerId} as owner and a lease the store renews for as long as this node lives.
 *
 * @param endpoint   where to claim from
 * @param consumerId the owner recorded with each claim (unique per consumer in the cluster)
 * @param max        at most this many (the prefetch window), at least 1
 * @param filter     the consumer's selector, null for all; messages it refuses stay for other consumers
 */
public record ClaimRequest(Endpoint endpoint, String consumerId, int max, Predicate<StoredMessage> filter) {
    public ClaimRequest {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(consumerId, "consumerId");
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
    }
}
