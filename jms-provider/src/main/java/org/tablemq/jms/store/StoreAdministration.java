package org.tablemq.jms.store;

import java.util.List;

/**
 * What an operator's tools need from a store beyond the messaging SPI: figures over everything the store holds
 * (every node's destinations, not only this one's), browsing in any state, and corrective operations. The public
 * management API ({@code org.tablemq.jms.management}) is the only user; it turns these rows into its own records.
 * Every method is one short database transaction and holds nothing between calls.
 */
public interface StoreAdministration {

    /**
     * A queue's endpoint or a topic subscription with what it holds at one instant.
     *
     * @param endpointId       the store's key of the endpoint
     * @param kind             QUEUE for a queue, TOPIC for a subscription of a topic
     * @param destination      the queue's or topic's name
     * @param subscriptionName the subscription's name, null for a queue or a non-durable unshared subscription
     * @param clientId         the subscription's client id, null if it has none
     * @param durable          whether the subscription is durable (always true for a queue)
     * @param shared           whether the subscription is shared
     * @param ready            deliverable now: not claimed, due, not expired
     * @param inFlight         claimed by a consumer, not yet acknowledged
     * @param scheduled        not claimed, with a delivery time still ahead (delivery delay, redelivery delay)
     * @param held             sent or settled by a prepared XA branch, waiting for its decision
     * @param oldestEnqueuedAt epoch millis at which its oldest visible message was written; 0 when it holds none or
     *                         only messages written before the store recorded enqueue times
     * @param consumers        consumers attached now, on any node (tracked for subscriptions; -1 for a queue)
     * @param deadLetters      messages dead-lettered from here that still wait on a dead letter queue
     */
    record EndpointFigures(long endpointId, DestinationRef.Kind kind, String destination, String subscriptionName,
                           String clientId, boolean durable, boolean shared, long ready, long inFlight, long scheduled,
                           long held, long oldestEnqueuedAt, long consumers, long deadLetters) {
    }

    /**
     * Where a dead letter came from, as data.
     *
     * @param kind             the destination's kind
     * @param destination      its name
     * @param subscriptionName the subscription's name for a topic (null for a queue or a non-durable unshared one)
     * @param clientId         the subscription's client id, null if none
     */
    record DeadLetterOrigin(DestinationRef.Kind kind, String destination, String subscriptionName, String clientId) {
    }

    /** A message as an operator sees it: the stored copy plus its state. */
    record InspectedMessage(StoredMessage message, long enqueuedAt, long deliverAt, State state, String claimedByNode,
                            DeadLetterOrigin origin) {
    }

    /** The state of a stored message, from the operator's point of view. */
    enum State { READY, SCHEDULED, IN_FLIGHT, HELD_BY_PREPARED_BRANCH }

    /** A node of the store and its last heartbeat (epoch millis); it counts as alive until {@code aliveUntil}. */
    record NodeRecord(String nodeId, long heartbeat, long aliveUntil) {
    }

    /** A prepared, undecided XA branch and the number of messages it sent or holds. */
    record PreparedBranch(XidKey xid, String nodeId, long preparedAt, long messages) {
    }

    /** What a retry of dead letters did: how many went back, and how many could not (their origin is gone). */
    record RetryOutcome(int retried, int leftInPlace) {
    }

    /**
     * Every queue and subscription, ordered by destination name.
     *
     * @param countMessages false for names and consumers only (message figures and dead letters 0): no message is read
     */
    List<EndpointFigures> endpoints(boolean countMessages) throws StoreException;

    List<NodeRecord> nodes() throws StoreException;

    /** Messages of an endpoint in every state, oldest first, with ids greater than {@code afterId}. */
    List<InspectedMessage> inspect(long endpointId, long afterId, int max) throws StoreException;

    /**
     * Deletes the messages of an endpoint that nobody is working on: neither claimed by a consumer nor held by a
     * prepared XA branch (those would otherwise fail their acknowledgement or commit). Returns how many.
     */
    long purge(long endpointId) throws StoreException;

    /** Deletes one message on the same terms as {@link #purge}; false if it is not there or not free. */
    boolean delete(long endpointId, long messageId) throws StoreException;

    /**
     * Moves up to {@code max} dead letters of the dead letter queue's endpoint back to the queue or subscription each
     * failed on, as a new delivery (delivery count 0, dead-letter reason and origin cleared). A dead letter whose
     * subscription no longer exists, or that came from a non-durable unshared subscription, stays where it is.
     */
    RetryOutcome retryDeadLetters(long deadLetterEndpointId, int max) throws StoreException;

    /** Every prepared, undecided branch with who prepared it and when. */
    List<PreparedBranch> preparedBranches() throws StoreException;
}
