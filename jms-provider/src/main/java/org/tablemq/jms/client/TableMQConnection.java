package org.tablemq.jms.client;

import jakarta.jms.ConnectionConsumer;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueSession;
import jakarta.jms.ServerSessionPool;
import jakarta.jms.Session;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicSession;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.tablemq.jms.TableMQDestination;
import org.tablemq.jms.TableMQOptions;
import org.tablemq.jms.TemporaryDestinationOwner;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.message.DeserializationPolicy;
import org.tablemq.jms.store.MessageStore;
import org.tablemq.jms.store.PayloadLimit;
import org.tablemq.jms.tx.LocalTransactionContext;
import org.tablemq.jms.tx.NoTransactionContext;
import org.tablemq.jms.tx.RedeliveryPolicy;
import org.tablemq.jms.tx.StoreGateway;
import org.tablemq.jms.tx.TransactionContext;

/**
 * A Connection (also QueueConnection and TopicConnection) on one store: client id, start/stop, the
 * ExceptionListener, temporary destinations and the sessions. Holds no database connection of its own.
 * <p>
 * Extension points for XA: {@link #createTransactionContext} and {@link #newSession}.
 */
public class TableMQConnection implements QueueConnection, TopicConnection, TemporaryDestinationOwner {

    private static final System.Logger LOG = Log.of(TableMQConnection.class);

    private final String id = "c-" + UUID.randomUUID();
    private final TableMQOptions options;
    private final Runnable onClose;
    private final StoreGateway gateway;
    private final PayloadLimit storeLimit;
    private final RedeliveryPolicy redeliveryPolicy;
    private final DeserializationPolicy deserializationPolicy;
    private final ClosedState closed;
    private final ClientIdentity clientId;
    private final StartGate gate = new StartGate();
    private final AtomicInteger sessionNumbers = new AtomicInteger();
    private final Set<TableMQSession> sessions = new CopyOnWriteArraySet<>();
    private final ConnectionDestinations destinations;
    private final ExecutorService notifier;
    private volatile ExceptionListener exceptionListener;
    private volatile JMSException lastReported;
    private volatile boolean queueConnection;

    /**
     * @param store   the store the connection works on
     * @param onClose run once when the connection closes (e.g. releasing a shared store)
     * @param options the factory's options at the time of creation (validated already)
     */
    public TableMQConnection(MessageStore store, Runnable onClose, TableMQOptions options) throws JMSException {
        this.options = options.copy();
        this.onClose = onClose;
        this.closed = new ClosedState("connection " + id);
        this.gateway = new StoreGateway(store, this::reportFailure);
        this.storeLimit = store.payloadLimit();
        this.destinations = new ConnectionDestinations(id, closed.description(), gateway);
        this.redeliveryPolicy = this.options.redeliveryPolicy();
        this.deserializationPolicy = this.options.deserializationPolicy();
        this.clientId = new ClientIdentity(store.nodeId(), closed.description());
        this.notifier = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tablemq-exception-listener-" + id);
            t.setDaemon(true);
            return t;
        });
        String administered = this.options.get(TableMQOptions.CLIENT_ID);
        if (administered != null) {
            try {
                clientId.administer(administered);
            } catch (JMSException e) {
                notifier.shutdown();
                throw e;
            }
        }
    }

    /**
     * Marks this connection as made by {@code createQueueConnection}: a QueueConnection then refuses what its
     * javadoc forbids it (durable connection consumers), whatever a plain Connection answers. Returns this.
     */
    public TableMQConnection asQueueConnection() {
        queueConnection = true;
        return this;
    }

    // ---- for sessions and their collaborators

    String id() {
        return id;
    }

    String description() {
        return closed.description();
    }

    StoreGateway storeGateway() {
        return gateway;
    }

    RedeliveryPolicy redeliveryPolicy() {
        return redeliveryPolicy;
    }

    DeserializationPolicy deserializationPolicy() {
        return deserializationPolicy;
    }

    int prefetch() {
        return options.get(TableMQOptions.PREFETCH);
    }

    int maxMessageSize() {
        return options.get(TableMQOptions.MAX_MESSAGE_SIZE);
    }

    /** The store's own bound on an encoded message, checked beside {@link #maxMessageSize()}. */
    PayloadLimit storePayloadLimit() {
        return storeLimit;
    }

    StartGate startGate() {
        return gate;
    }

    boolean isStarted() {
        return gate.isOpen();
    }

    void checkOpen() throws IllegalStateException {
        closed.check();
    }

    String clientIdIfSet() {
        return clientId.get();
    }

    /** The client id for a use that fixes it (a durable subscription, unsubscribe). */
    String clientIdForUse() {
        clientId.markUsed();
        return clientId.get();
    }

    List<TableMQMessageConsumer> consumers() {
        List<TableMQMessageConsumer> all = new ArrayList<>();
        for (TableMQSession s : sessions) {
            all.addAll(s.consumers());
        }
        return all;
    }

    /**
     * The transaction context of a new session: the one extension point through which XA plugs in (an XA
     * connection overrides it to return its XA context).
     *
     * @param owner      names the session in messages
     * @param transacted whether the session is locally transacted
     */
    protected TransactionContext createTransactionContext(String owner, boolean transacted) {
        return transacted ? new LocalTransactionContext(gateway, redeliveryPolicy, owner)
                : new NoTransactionContext(gateway, owner);
    }

    /** Creates the session object; an XA connection overrides it to create XA sessions. */
    protected TableMQSession newSession(int number, boolean transacted, int acknowledgeMode, TableMQSession.Domain domain)
            throws JMSException {
        return new TableMQSession(this, number, transacted, acknowledgeMode, domain);
    }

    /** Tells the ExceptionListener (on its own thread, so no caller is blocked) about a failure, once per exception. */
    void reportFailure(JMSException e) {
        ExceptionListener l = exceptionListener;
        if (l == null || e == lastReported || closed.isClosed()) {
            return;
        }
        lastReported = e;
        try {
            notifier.execute(() -> {
                try {
                    l.onException(e);
                } catch (RuntimeException ex) {
                    LOG.log(System.Logger.Level.WARNING, "ExceptionListener of " + description() + " threw", ex);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            LOG.log(System.Logger.Level.DEBUG, () -> "Not reporting to the ExceptionListener of closed " + description());
        }
    }

    // ---- sessions

    @Override
    public Session createSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted, acknowledgeMode, TableMQSession.Domain.UNIFIED);
    }

    @Override
    public Session createSession(int sessionMode) throws JMSException {
        return createSession(sessionMode == Session.SESSION_TRANSACTED, sessionMode);
    }

    @Override
    public Session createSession() throws JMSException {
        return createSession(false, Session.AUTO_ACKNOWLEDGE);
    }

    @Override
    public QueueSession createQueueSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted, acknowledgeMode, TableMQSession.Domain.QUEUE);
    }

    @Override
    public TopicSession createTopicSession(boolean transacted, int acknowledgeMode) throws JMSException {
        return createSession(transacted, acknowledgeMode, TableMQSession.Domain.TOPIC);
    }

    private TableMQSession createSession(boolean transacted, int mode, TableMQSession.Domain domain) throws JMSException {
        checkOpen();
        if (!transacted && mode != Session.AUTO_ACKNOWLEDGE && mode != Session.CLIENT_ACKNOWLEDGE
                && mode != Session.DUPS_OK_ACKNOWLEDGE) {
            throw new JMSException("Invalid acknowledge mode " + mode + " for a session of " + description()
                    + ": use AUTO_ACKNOWLEDGE (1), CLIENT_ACKNOWLEDGE (2), DUPS_OK_ACKNOWLEDGE (3) or SESSION_TRANSACTED (0)");
        }
        clientId.markUsed();
        TableMQSession s = newSession(sessionNumbers.incrementAndGet(), transacted, mode, domain);
        sessions.add(s);
        return s;
    }

    void sessionClosed(TableMQSession s) {
        sessions.remove(s);
    }

    // ---- client id, metadata, listener

    @Override
    public String getClientID() throws JMSException {
        checkOpen();
        return clientId.get();
    }

    @Override
    public void setClientID(String id) throws JMSException {
        checkOpen();
        clientId.set(id);
    }

    @Override
    public ConnectionMetaData getMetaData() throws JMSException {
        checkOpen();
        return TableMQConnectionMetaData.INSTANCE;
    }

    @Override
    public ExceptionListener getExceptionListener() throws JMSException {
        checkOpen();
        return exceptionListener;
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) throws JMSException {
        checkOpen();
        this.exceptionListener = listener;
    }

    // ---- start / stop

    @Override
    public void start() throws JMSException {
        checkOpen();
        clientId.markUsed();
        gate.open();
    }

    @Override
    public void stop() throws JMSException {
        checkOpen();
        CallbackGuard.refuseInListenersOf(this, "stop " + description());
        clientId.markUsed();
        gate.shut();
        for (TableMQSession s : sessions) {
            s.dispatcher().awaitIdle();
        }
    }

    // ---- temporary destinations (kept by ConnectionDestinations)

    TemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        return destinations.createTemporaryQueue(this);
    }

    TemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        return destinations.createTemporaryTopic(this);
    }

    @Override
    public void deleteTemporary(TableMQDestination d) throws JMSException {
        checkOpen();
        destinations.deleteTemporary(d, consumers());
    }

    void checkConsumable(TableMQDestination d) throws JMSException {
        destinations.checkConsumable(d);
    }

    void checkSendable(TableMQDestination d) throws JMSException {
        destinations.checkSendable(d);
    }

    // ---- application server facilities (optional; TableMQ serves MDBs through its resource adapter)

    @Override
    public ConnectionConsumer createConnectionConsumer(Destination destination, String selector, ServerSessionPool pool,
                                                       int maxMessages) throws JMSException {
        checkOpen();
        throw TableMQSession.asfRefused("Connection.createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Queue queue, String selector, ServerSessionPool pool,
                                                       int maxMessages) throws JMSException {
        checkOpen();
        throw TableMQSession.asfRefused("QueueConnection.createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createConnectionConsumer(Topic topic, String selector, ServerSessionPool pool,
                                                       int maxMessages) throws JMSException {
        checkOpen();
        throw TableMQSession.asfRefused("TopicConnection.createConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedConnectionConsumer(Topic topic, String name, String selector,
                                                             ServerSessionPool pool, int maxMessages) throws JMSException {
        checkOpen();
        throw TableMQSession.asfRefused("Connection.createSharedConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createDurableConnectionConsumer(Topic topic, String name, String selector,
                                                              ServerSessionPool pool, int maxMessages) throws JMSException {
        checkOpen();
        if (queueConnection) {
            throw new IllegalStateException("Cannot create a durable connection consumer on " + description()
                    + ": it is a QueueConnection, which cannot create publish/subscribe objects (QueueConnection javadoc)");
        }
        throw TableMQSession.asfRefused("Connection.createDurableConnectionConsumer");
    }

    @Override
    public ConnectionConsumer createSharedDurableConnectionConsumer(Topic topic, String name, String selector,
                                                                    ServerSessionPool pool, int maxMessages)
            throws JMSException {
        checkOpen();
        throw TableMQSession.asfRefused("Connection.createSharedDurableConnectionConsumer");
    }

    // ---- close

    @Override
    public void close() throws JMSException {
        CallbackGuard.refuseInCallbacksOf(this, "close " + description());
        if (!closed.close()) {
            return;
        }
        gate.shut();
        for (TableMQSession s : sessions) {
            s.dispatcher().awaitIdle();
        }
        JMSException failure = null;
        for (TableMQSession s : sessions) {
            try {
                s.closeInternal();
            } catch (JMSException e) {
                failure = addTo(failure, e);
            }
        }
        JMSException temporaries = destinations.deleteAll();
        if (temporaries != null) {
            failure = addTo(failure, temporaries);
        }
        clientId.release();
        notifier.shutdown();
        onClose.run();
        if (failure != null) {
            throw failure;
        }
    }

    private static JMSException addTo(JMSException first, JMSException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    @Override
    public String toString() {
        return description();
    }
}
