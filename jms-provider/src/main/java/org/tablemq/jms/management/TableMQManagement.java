package org.tablemq.jms.management;

import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.transaction.xa.Xid;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.internal.JmsErrors;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.store.DestinationRef;
import org.tablemq.jms.store.Endpoint;
import org.tablemq.jms.store.MessageStore;
import org.tablemq.jms.store.StoreAdministration;
import org.tablemq.jms.store.StoreAdministration.EndpointFigures;
import org.tablemq.jms.store.StoreAdministration.InspectedMessage;
import org.tablemq.jms.store.StoreException;
import org.tablemq.jms.store.XidKey;

/**
 * The one entry point for operating a TableMQ store: its queues, subscriptions and nodes with their figures,
 * browsing, purging, deleting, retrying dead letters, and deciding prepared XA branches by hand. Obtained from
 * {@link TableMQConnectionFactory#management()} (sharing the factory's open store) or {@link #open(String)} with a
 * JDBC URL; {@link #close()} gives the store back. Thread-safe. Every operation that changes messages is logged.
 */
public final class TableMQManagement implements AutoCloseable {

    private static final System.Logger LOG = Log.of(TableMQManagement.class);

    private final MessageStore store;
    private final StoreAdministration admin;
    private final Runnable release;
    private volatile boolean closed;

    private TableMQManagement(MessageStore store, StoreAdministration admin, Runnable release) {
        this.store = store;
        this.admin = admin;
        this.release = release;
    }

    /**
     * Management over a store the caller already holds (the connection factory, the resource adapter).
     *
     * @param release called once by {@link #close()}, to give the store back
     * @throws JMSException if the store offers no administration
     */
    public static TableMQManagement over(MessageStore store, Runnable release) throws JMSException {
        StoreAdministration admin = store.administration().orElseThrow(() -> new JMSException(
                "Store of node " + store.nodeId() + " (" + store.getClass().getSimpleName() + ") offers no management"));
        return new TableMQManagement(store, admin, Objects.requireNonNull(release, "release"));
    }

    /** Management of the store at a JDBC URL with default options (see {@link TableMQConnectionFactory} for others). */
    public static TableMQManagement open(String jdbcUrl) throws JMSException {
        return new TableMQConnectionFactory(jdbcUrl).management();
    }

    /** Every queue with its figures, by name. */
    public List<QueueInfo> queues() throws JMSException {
        long now = System.currentTimeMillis();
        List<QueueInfo> queues = new ArrayList<>();
        for (EndpointFigures f : endpoints()) {
            if (f.kind() == DestinationRef.Kind.QUEUE) {
                queues.add(new QueueInfo(f.destination(), f.ready(), f.inFlight(), f.scheduled(), f.held(),
                        f.deadLetters(), age(f, now)));
            }
        }
        return queues;
    }

    /** Every subscription of every topic with its figures, by topic name. */
    public List<SubscriptionInfo> subscriptions() throws JMSException {
        long now = System.currentTimeMillis();
        List<SubscriptionInfo> subscriptions = new ArrayList<>();
        for (EndpointFigures f : endpoints()) {
            if (f.kind() == DestinationRef.Kind.TOPIC) {
                subscriptions.add(new SubscriptionInfo(f.destination(), f.subscriptionName(), f.clientId(), f.durable(),
                        f.shared(), f.ready(), f.inFlight(), f.scheduled(), f.held(), f.deadLetters(), age(f, now),
                        f.consumers()));
            }
        }
        return subscriptions;
    }

    /** The names of every queue, without reading any message (cheap on any backlog). */
    public List<String> queueNames() throws JMSException {
        return call(() -> admin.endpoints(false), "list the queues").stream()
                .filter(f -> f.kind() == DestinationRef.Kind.QUEUE).map(EndpointFigures::destination).toList();
    }

    /** Every named subscription (durable or shared), without reading any message. */
    public List<SubscriptionName> subscriptionNames() throws JMSException {
        return call(() -> admin.endpoints(false), "list the subscriptions").stream()
                .filter(f -> f.kind() == DestinationRef.Kind.TOPIC && f.subscriptionName() != null)
                .map(f -> new SubscriptionName(f.destination(), f.subscriptionName(), f.clientId(), f.durable()))
                .toList();
    }

    /** Every node registered in the store, alive or not yet removed. */
    public List<NodeInfo> nodes() throws JMSException {
        long now = System.currentTimeMillis();
        return call(() -> admin.nodes().stream()
                .map(n -> new NodeInfo(n.nodeId(), Instant.ofEpochMilli(n.heartbeat()), n.aliveUntil() >= now))
                .toList(), "list the nodes");
    }

    /**
     * Messages of a queue in every state, oldest first, after {@code afterId} (0 for the first page).
     *
     * @throws InvalidDestinationException if there is no such queue
     */
    public MessagePage browseQueue(String queue, long afterId, int max) throws JMSException {
        return page(call(() -> existingQueue(queue).id(), "browse queue '" + queue + "'"), afterId, max);
    }

    /** Messages of a subscription as {@link #subscriptions()} lists it, like {@link #browseQueue}. */
    public MessagePage browseSubscription(SubscriptionInfo subscription, long afterId, int max) throws JMSException {
        return page(endpointOf(subscription), afterId, max);
    }

    /**
     * Deletes the messages of a queue that no consumer has claimed and no prepared XA branch holds; returns how many.
     *
     * @throws InvalidDestinationException if there is no such queue
     */
    public long purgeQueue(String queue) throws JMSException {
        long purged = call(() -> admin.purge(existingQueue(queue).id()), "purge queue '" + queue + "'");
        LOG.log(Level.WARNING, "TMQ-3000 Operator purged {0} message(s) from queue ''{1}''", purged, queue);
        return purged;
    }

    /**
     * Deletes one message of a queue by the id {@link MessageView#id()} shows, unless it is claimed or held.
     *
     * @return false if it is not on that queue (any more) or is being worked on
     */
    public boolean deleteMessage(String queue, long messageId) throws JMSException {
        boolean deleted = call(() -> admin.delete(existingQueue(queue).id(), messageId),
                "delete message " + messageId + " of queue '" + queue + "'");
        if (deleted) {
            LOG.log(Level.WARNING, "TMQ-3001 Operator deleted message {0} from queue ''{1}''", messageId, queue);
        }
        return deleted;
    }

    /**
     * Moves up to {@code max} dead letters of a dead letter queue back to the queue or subscription each one failed
     * on, as a first delivery (JMSXDeliveryCount starts again).
     *
     * @throws InvalidDestinationException if there is no such queue
     */
    public DeadLetterRetry retryDeadLetters(String deadLetterQueue, int max) throws JMSException {
        var outcome = call(() -> admin.retryDeadLetters(existingQueue(deadLetterQueue).id(), max),
                "retry the dead letters of queue '" + deadLetterQueue + "'");
        LOG.log(Level.WARNING, "TMQ-3002 Operator retried {0} dead letter(s) of queue ''{1}'' where they failed;"
                + " {2} left in place (their subscription is gone)", outcome.retried(), deadLetterQueue, outcome.leftInPlace());
        return new DeadLetterRetry(outcome.retried(), outcome.leftInPlace());
    }

    /** Every prepared XA branch not decided yet, whichever node prepared it. */
    public List<PreparedBranchInfo> preparedBranches() throws JMSException {
        return call(() -> admin.preparedBranches().stream()
                .map(b -> new PreparedBranchInfo(b.xid(), b.nodeId(), Instant.ofEpochMilli(b.preparedAt()), b.messages()))
                .toList(), "list prepared XA branches");
    }

    /**
     * Commits a prepared branch: a heuristic decision taken in place of its transaction manager, which will find the
     * branch gone. Logged as the operator's.
     */
    public void commitPrepared(Xid xid) throws JMSException {
        XidKey key = XidKey.of(xid);
        call(() -> {
            store.commitPrepared(key);
            return null;
        }, "commit prepared " + key);
        LOG.log(Level.WARNING, "TMQ-3003 Operator committed prepared XA branch {0} (heuristic decision)", key);
    }

    /** Rolls back a prepared branch, as {@link #commitPrepared} commits one. Logged as the operator's. */
    public void rollbackPrepared(Xid xid) throws JMSException {
        XidKey key = XidKey.of(xid);
        call(() -> {
            store.rollbackPrepared(key);
            return null;
        }, "roll back prepared " + key);
        LOG.log(Level.WARNING, "TMQ-3004 Operator rolled back prepared XA branch {0} (heuristic decision)", key);
    }

    /** Gives the store back; further calls fail. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            release.run();
        }
    }

    private List<EndpointFigures> endpoints() throws JMSException {
        return call(() -> admin.endpoints(true), "read the figures of the store");
    }

    private static long age(EndpointFigures f, long now) {
        return f.oldestEnqueuedAt() > 0 ? Math.max(0, now - f.oldestEnqueuedAt()) : -1;
    }

    private MessagePage page(long endpointId, long afterId, int max) throws JMSException {
        if (max < 1) {
            throw new IllegalArgumentException("A page holds at least 1 message, not " + max);
        }
        List<InspectedMessage> rows = call(() -> admin.inspect(endpointId, afterId, max), "browse endpoint " + endpointId);
        List<MessageView> views = new ArrayList<>(rows.size());
        for (InspectedMessage row : rows) {
            views.add(MessageViews.of(row));
        }
        long next = rows.size() < max ? -1 : rows.get(rows.size() - 1).message().id();
        return new MessagePage(List.copyOf(views), next);
    }

    private Endpoint existingQueue(String queue) throws StoreException, JMSException {
        DestinationRef ref = DestinationRef.queue(queue);
        // look before use: asking for a queue's endpoint creates the queue, which a look at it must not do
        if (!store.exists(ref)) {
            throw new InvalidDestinationException("There is no queue '" + queue + "' in the store");
        }
        return store.queueEndpoint(ref);
    }

    private long endpointOf(SubscriptionInfo s) throws JMSException {
        if (s.name() == null) {
            throw new InvalidDestinationException("A non-durable unshared subscription of topic '" + s.topic()
                    + "' has no name to find it by");
        }
        for (EndpointFigures f : call(() -> admin.endpoints(false), "find a subscription")) {
            if (f.kind() == DestinationRef.Kind.TOPIC && s.topic().equals(f.destination())
                    && s.name().equals(f.subscriptionName()) && Objects.equals(s.clientId(), f.clientId())
                    && s.durable() == f.durable()) {
                return f.endpointId();
            }
        }
        throw new InvalidDestinationException("There is no subscription '" + s.name() + "'"
                + (s.clientId() == null ? "" : " of client '" + s.clientId() + "'") + " on topic '" + s.topic() + "'");
    }

    @FunctionalInterface
    private interface StoreCall<T> {
        T run() throws StoreException, JMSException;
    }

    private <T> T call(StoreCall<T> work, String what) throws JMSException {
        if (closed) {
            throw new jakarta.jms.IllegalStateException("Cannot " + what + ": this management is closed");
        }
        try {
            return work.run();
        } catch (StoreException e) {
            throw JmsErrors.create("Cannot " + what + ": " + e.getMessage(), e);
        }
    }
}
