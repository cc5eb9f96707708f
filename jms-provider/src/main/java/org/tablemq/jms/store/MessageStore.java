package org.tablemq.jms.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The store SPI: everything the JMS facade needs from where messages live. Synchronous: every method returns
 * once its effect is durable in the store (or throws). Thread-safe. Implementations hold no database
 * connection between calls, so an idle session costs nothing.
 * <p>
 * Vocabulary: <em>send</em> makes messages visible; <em>claim</em> reserves messages for one consumer
 * (owner + lease); <em>acknowledge</em> removes claimed messages; <em>release</em> gives them back;
 * <em>commit</em> applies a transaction's sends, acks and releases atomically; <em>prepare</em> makes an XA
 * branch durable but invisible until {@link #commitPrepared} or {@link #rollbackPrepared}.
 */
public interface MessageStore extends AutoCloseable {

    /** A cluster-unique id of this store instance (a "node"), part of every claim's owner. */
    String nodeId();

    /** Creates the queue or topic if it does not exist yet (destinations are created on first use). */
    void ensureDestination(DestinationRef destination) throws StoreException;

    /** Whether the destination exists (e.g. a temporary destination not yet deleted). */
    boolean exists(DestinationRef destination) throws StoreException;

    /**
     * The endpoint of a queue, created on first use unless the queue is {@link DestinationRef#temporary temporary}.
     *
     * @throws DestinationNotFoundException if it is a temporary queue that has been deleted
     */
    Endpoint queueEndpoint(DestinationRef queue) throws StoreException;

    /** The endpoint of an ordinary queue, created on first use. */
    default Endpoint queueEndpoint(String queueName) throws StoreException {
        return queueEndpoint(DestinationRef.queue(queueName));
    }

    /**
     * Creates a temporary queue or topic owned by a connection. The store deletes it when the owner's node
     * dies; the facade deletes it when the connection closes.
     */
    void createTemporary(DestinationRef destination, String ownerConnectionId) throws StoreException;

    /**
     * Deletes a temporary destination and its messages.
     *
     * @throws SubscriptionInUseException if it still has consumers
     */
    void deleteTemporary(DestinationRef destination) throws StoreException;

    /**
     * Attaches one consumer to a topic subscription, creating it as {@link SubscriptionSpec} describes.
     *
     * @throws SubscriptionInUseException if an unshared durable subscription already has an active consumer,
     *                                    or a shared one with active consumers was asked for with other settings
     */
    Subscription attach(SubscriptionSpec spec) throws StoreException;

    /** Detaches the consumer; a non-durable subscription with no consumer left is deleted with its messages. */
    void detach(Subscription subscription) throws StoreException;

    /**
     * Deletes a durable subscription and its messages.
     *
     * @throws SubscriptionNotFoundException if there is none by that name and client id
     * @throws SubscriptionInUseException    if it has an active consumer
     */
    void unsubscribe(String clientId, String name) throws StoreException;

    /**
     * Makes messages visible, durably, in one database transaction. Concurrent calls from many threads may be
     * group-committed: each call still returns only once its own messages are durable. A commit whose connection
     * broke is resolved before this answers.
     *
     * @throws StoreUnavailableException    if the database could not be reached and nothing was sent
     * @throws StoreOutcomeUnknownException if the connection broke while committing and the database stayed away
     *                                      while the store tried to learn the outcome
     */
    void send(List<OutgoingMessage> messages) throws StoreException;

    /** Claims deliverable messages, see {@link ClaimRequest}. Returns an empty list when there are none. */
    List<StoredMessage> claim(ClaimRequest request) throws StoreException;

    /**
     * Removes claimed messages (the consumer is done with them). An acknowledgement whose commit broke with an
     * unknown outcome is not the caller's problem: the store keeps the claims and finishes it once the database
     * answers again, and returns normally.
     *
     * @throws ClaimLostException        if some are no longer owned by the caller (lease expired and re-claimed)
     * @throws StoreUnavailableException if the database could not be reached and nothing was applied
     */
    void acknowledge(Collection<Long> messageIds) throws StoreException;

    /**
     * Gives claimed messages back, see {@link Release}. If the database cannot be reached, the store keeps the claims
     * and gives the messages back once it can (within one lease; after that the claims lapse), and the call returns
     * normally.
     */
    void release(Collection<Release> releases) throws StoreException;

    /**
     * Whether this node surely still holds the claim under which {@code claimed} was returned by {@link #claim}:
     * its lease, as last written, has not run out on this node's monotonic clock, less a margin for the clocks of
     * other nodes, which expire leases by their wall clock. A consumer hands a message to the application only
     * while this is true; once false, another node may have taken the message (this node stalled, or could not
     * renew its leases), so it must be given back with {@link #releaseUndelivered} instead. Answers from memory.
     */
    boolean holds(StoredMessage claimed);

    /**
     * Gives back claimed messages that were never handed to the application (prefetched, then the consumer closed,
     * or their claim is no longer {@link #holds held}). Each is made deliverable again, its delivery count restored,
     * only if this node still has it under the very claim that returned it; a message taken since by another
     * consumer (of any node) is left alone. If the database cannot be reached, this is done later, as with
     * {@link #release}.
     */
    void releaseUndelivered(Collection<StoredMessage> claimed) throws StoreException;

    /**
     * Applies a transaction's sends, acks and releases in one database transaction; a commit whose connection broke
     * is resolved before this answers, as with {@link #send}.
     *
     * @throws ClaimLostException if an acked message is no longer owned; then nothing was applied
     */
    void commit(UnitOfWork work) throws StoreException;

    /**
     * Records an XA branch durably: its sends stay invisible and its acked messages are neither delivered
     * again nor removed until the decision. Survives a restart of the JVM.
     *
     * @throws ClaimLostException     if an acked message is no longer owned; then nothing was recorded
     * @throws DuplicateXidException  if the Xid is already prepared
     */
    void prepare(XidKey xid, UnitOfWork work) throws StoreException;

    /**
     * Applies a prepared branch, from any store instance on the same database (e.g. after a restart).
     *
     * @throws UnknownXidException if no branch with that Xid is prepared
     */
    void commitPrepared(XidKey xid) throws StoreException;

    /**
     * Discards a prepared branch: its sends are deleted and its acked messages become deliverable again
     * as redelivered (their delivery count is kept).
     *
     * @throws UnknownXidException if no branch with that Xid is prepared
     */
    void rollbackPrepared(XidKey xid) throws StoreException;

    /** Every prepared, undecided branch in the store, whichever node prepared it. */
    List<XidKey> recover() throws StoreException;

    /**
     * Messages of an endpoint without claiming them, oldest first, with ids greater than {@code afterId}:
     * what a QueueBrowser shows. Skips expired messages and uncommitted or prepared sends.
     */
    List<StoredMessage> browse(Endpoint endpoint, long afterId, int max) throws StoreException;

    /** Messages waiting on an endpoint (claimed or not, not counting prepared sends), for monitoring. */
    long depth(Endpoint endpoint) throws StoreException;

    /**
     * The largest encoded message this store takes; the facade refuses bigger ones before writing anything. A store
     * that holds a whole message in memory several times over while writing it (embedded H2) states a limit well
     * below what would exhaust the heap.
     */
    default PayloadLimit payloadLimit() {
        return PayloadLimit.NONE;
    }

    /** The operator's view and tools for this store, if it offers them (the JDBC store does). */
    default Optional<StoreAdministration> administration() {
        return Optional.empty();
    }

    /** How consumers wait for new messages. */
    ArrivalSignal arrivals();

    /** Stops background work and closes the pool. Claimed messages of this node become deliverable again. */
    @Override
    void close();
}
