package org.tablemq.jms.client;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.QueueReceiver;
import jakarta.jms.QueueSender;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import jakarta.jms.TopicSession;
import jakarta.jms.TopicSubscriber;
import java.io.Serializable;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.AtomicInteger;
import org.tablemq.jms.TableMQDestination;
import org.tablemq.jms.message.TableMQBytesMessage;
import org.tablemq.jms.message.TableMQMapMessage;
import org.tablemq.jms.message.TableMQMessage;
import org.tablemq.jms.message.TableMQObjectMessage;
import org.tablemq.jms.message.TableMQStreamMessage;
import org.tablemq.jms.message.TableMQTextMessage;
import org.tablemq.jms.store.OutgoingMessage;
import org.tablemq.jms.tx.StoreGateway;
import org.tablemq.jms.tx.TransactionContext;

/**
 * A Session (also QueueSession and TopicSession): state checks and delegation. Consumers are built by
 * {@link ConsumerFactory}, deliveries handed over by {@link Handover}, sends go through {@link SendPath} (and
 * {@link AsyncSender}), acknowledgements through
 * {@link AckTracker}, asynchronous delivery through {@link SessionDispatcher}, and the store work of sends and acks
 * through the {@link TransactionContext} the connection supplies.
 */
public class TableMQSession implements Session, QueueSession, TopicSession {

    /** Which API created the session: a QueueSession or TopicSession refuses the other domain's calls. */
    public enum Domain { UNIFIED, QUEUE, TOPIC }

    private final TableMQConnection connection;
    private final int number;
    private final int acknowledgeMode;
    private final Domain domain;
    private final ClosedState closed;
    private final TransactionContext tx;
    private final AckTracker acks;
    private final SessionDispatcher dispatcher;
    private final SendPath sendPath;
    private final AsyncSender asyncSender;
    private final ConsumerFactory consumers;
    private final Handover handover;
    private final UnsettledSubscriptions unsettled;
    private final AtomicInteger childNumbers = new AtomicInteger();
    private final Set<TableMQMessageConsumer> openConsumers = new CopyOnWriteArraySet<>();
    private final Set<TableMQMessageProducer> openProducers = new CopyOnWriteArraySet<>();
    private final Set<TableMQQueueBrowser> openBrowsers = new CopyOnWriteArraySet<>();

    protected TableMQSession(TableMQConnection connection, int number, boolean transacted, int acknowledgeMode, Domain domain) {
        this.connection = connection;
        this.number = number;
        this.acknowledgeMode = transacted ? SESSION_TRANSACTED : acknowledgeMode;
        this.domain = domain;
        this.closed = new ClosedState("session " + number + " of " + connection.description());
        this.tx = connection.createTransactionContext(closed.description(), transacted);
        this.acks = new AckTracker(this.acknowledgeMode, tx, connection.storeGateway(), connection.redeliveryPolicy(),
                connection.prefetch());
        this.dispatcher = new SessionDispatcher(this);
        this.sendPath = new SendPath(this);
        this.asyncSender = new AsyncSender(this, sendPath);
        this.consumers = new ConsumerFactory(this);
        this.handover = new Handover(this);
        this.unsettled = new UnsettledSubscriptions(this.acknowledgeMode == CLIENT_ACKNOWLEDGE
                || tx instanceof org.tablemq.jms.tx.LocalTransactionContext);
    }

    // ---- collaborators' access

    TableMQConnection connection() {
        return connection;
    }

    String description() {
        return closed.description();
    }

    SessionDispatcher dispatcher() {
        return dispatcher;
    }

    StoreGateway storeGateway() {
        return connection.storeGateway();
    }

    TransactionContext transactionContext() {
        return tx;
    }

    AckTracker acks() {
        return acks;
    }

    UnsettledSubscriptions unsettled() {
        return unsettled;
    }

    Handover handover() {
        return handover;
    }

    String nextChildName(String kind) {
        return kind + " " + childNumbers.incrementAndGet() + " of " + description();
    }

    void checkOpen() throws JMSException {
        closed.check();
        connection.checkOpen();
    }

    private void checkDomain(Domain refused, String what) throws IllegalStateException {
        if (domain == refused) {
            throw new IllegalStateException("Cannot " + what + " on " + description() + ": it is a "
                    + (domain == Domain.QUEUE ? "QueueSession" : "TopicSession"));
        }
    }

    // ---- messages

    @Override
    public Message createMessage() throws JMSException {
        checkOpen();
        return new TableMQMessage();
    }

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        checkOpen();
        return new TableMQBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        checkOpen();
        return new TableMQMapMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        checkOpen();
        return new TableMQObjectMessage();
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        ObjectMessage m = createObjectMessage();
        m.setObject(object);
        return m;
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        checkOpen();
        return new TableMQStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        checkOpen();
        return new TableMQTextMessage();
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        TextMessage m = createTextMessage();
        m.setText(text);
        return m;
    }

    // ---- transactions and acknowledgement

    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return tx.isTransacted();
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkOpen();
        return acknowledgeMode;
    }

    @Override
    public void commit() throws JMSException {
        checkOpen();
        CallbackGuard.refuseInCompletionOf(this, "commit");
        asyncSender.awaitOutstanding();
        acks.joinTransaction();
        try {
            tx.commit();
        } finally {
            unsettled.settled(); // committed, or rolled back by the failure
        }
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        CallbackGuard.refuseInCompletionOf(this, "roll back");
        asyncSender.awaitOutstanding();
        releasePrefetched();
        acks.joinTransaction();
        tx.rollback();
        unsettled.settled();
    }

    @Override
    public void recover() throws JMSException {
        checkOpen();
        if (acknowledgeMode == SESSION_TRANSACTED) {
            throw new IllegalStateException("Cannot recover " + description() + ": it is transacted (use rollback)");
        }
        // Prefetched messages go back too, so delivery restarts with the oldest unacknowledged message.
        releasePrefetched();
        acks.recover();
        unsettled.settled();
    }

    /** Message.acknowledge() on a message this session delivered. */
    void acknowledgeFromMessage() throws JMSException {
        if (closed.isClosed()) {
            throw new IllegalStateException("Cannot acknowledge a message of " + description() + ": the session is closed");
        }
        connection.checkOpen();
        acks.acknowledgeAll();
        unsettled.settled();
    }

    private void releasePrefetched() throws JMSException {
        for (TableMQMessageConsumer c : openConsumers) {
            c.buffer().releaseUndelivered();
        }
    }

    // ---- sending (called by producers)

    void send(Destination destination, Message message, SendPath.Settings settings, CompletionListener listener)
            throws JMSException {
        checkOpen();
        OutgoingMessage prepared = sendPath.prepare(destination, message, settings);
        if (listener == null) {
            asyncSender.sendInOrder(prepared);
        } else {
            asyncSender.submit(prepared, message, listener);
        }
    }

    // ---- producers, consumers, browsers

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        checkOpen();
        TableMQDestination d = destination == null ? null : Destinations.resolve(destination, "create a producer");
        TableMQMessageProducer p = new TableMQMessageProducer(this, nextChildName("producer"), d);
        openProducers.add(p);
        return p;
    }

    @Override
    public QueueSender createSender(Queue queue) throws JMSException {
        checkDomain(Domain.TOPIC, "create a QueueSender");
        return (QueueSender) createProducer(queue);
    }

    @Override
    public TopicPublisher createPublisher(Topic topic) throws JMSException {
        checkDomain(Domain.QUEUE, "create a TopicPublisher");
        return (TopicPublisher) createProducer(topic);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        return createConsumer(destination, null, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String selector) throws JMSException {
        return createConsumer(destination, selector, false);
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String selector, boolean noLocal) throws JMSException {
        checkOpen();
        return register(consumers.plain(destination, selector, noLocal));
    }

    @Override
    public QueueReceiver createReceiver(Queue queue) throws JMSException {
        return createReceiver(queue, null);
    }

    @Override
    public QueueReceiver createReceiver(Queue queue, String selector) throws JMSException {
        checkDomain(Domain.TOPIC, "create a QueueReceiver");
        checkQueueGiven(queue);
        return (QueueReceiver) createConsumer(queue, selector, false);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic) throws JMSException {
        return createSubscriber(topic, null, false);
    }

    @Override
    public TopicSubscriber createSubscriber(Topic topic, String selector, boolean noLocal) throws JMSException {
        checkDomain(Domain.QUEUE, "create a TopicSubscriber");
        checkTopicGiven(topic);
        return (TopicSubscriber) createConsumer(topic, selector, noLocal);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String name) throws JMSException {
        return createSharedConsumer(topic, name, null);
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String name, String selector) throws JMSException {
        checkOpen();
        checkDomain(Domain.QUEUE, "create a shared consumer");
        return register(consumers.subscription(topic, name, selector, false, false, true));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String selector, boolean noLocal)
            throws JMSException {
        checkOpen();
        checkDomain(Domain.QUEUE, "create a durable subscriber");
        return register(consumers.subscription(topic, name, selector, noLocal, true, false));
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        return createDurableSubscriber(topic, name, null, false);
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String selector, boolean noLocal)
            throws JMSException {
        return createDurableSubscriber(topic, name, selector, noLocal);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        return createSharedDurableConsumer(topic, name, null);
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String selector) throws JMSException {
        checkOpen();
        checkDomain(Domain.QUEUE, "create a shared durable consumer");
        return register(consumers.subscription(topic, name, selector, false, true, true));
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        checkOpen();
        checkDomain(Domain.QUEUE, "unsubscribe");
        Optional<String> badName = ConsumerFactory.subscriptionNameProblem(name);
        if (badName.isPresent()) {
            throw new InvalidDestinationException("Cannot unsubscribe: " + badName.get());
        }
        for (TableMQMessageConsumer c : connection.consumers()) {
            if (c.subscription() != null && name.equals(c.subscription().spec().name()) && c.subscription().spec().durable()) {
                throw new IllegalStateException("Cannot unsubscribe durable subscription '" + name + "': "
                        + c.description() + " is still consuming from it");
            }
        }
        unsettled.checkSettled(name, description());
        String clientId = connection.clientIdForUse();
        storeGateway().run("unsubscribe durable subscription '" + name + "'", s -> s.unsubscribe(clientId, name));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        return createBrowser(queue, null);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String selector) throws JMSException {
        checkOpen();
        checkDomain(Domain.TOPIC, "create a QueueBrowser");
        checkQueueGiven(queue);
        TableMQQueueBrowser b = consumers.browser(queue, selector);
        openBrowsers.add(b);
        return b;
    }

    private TableMQMessageConsumer register(TableMQMessageConsumer c) {
        openConsumers.add(c);
        return c;
    }

    private static void checkQueueGiven(Queue queue) throws InvalidDestinationException {
        if (queue == null) {
            throw new InvalidDestinationException("The queue is null");
        }
    }

    private static void checkTopicGiven(Topic topic) throws InvalidDestinationException {
        if (topic == null) {
            throw new InvalidDestinationException("The topic is null");
        }
    }

    Set<TableMQMessageConsumer> consumers() {
        return openConsumers;
    }

    void consumerClosed(TableMQMessageConsumer c) throws JMSException {
        openConsumers.remove(c);
        consumers.detach(c);
    }

    void producerClosed(TableMQMessageProducer p) {
        openProducers.remove(p);
    }

    void browserClosed(TableMQQueueBrowser b) {
        openBrowsers.remove(b);
    }

    // ---- destinations

    @Override
    public Queue createQueue(String name) throws JMSException {
        checkOpen();
        checkDomain(Domain.TOPIC, "create a queue");
        return Destinations.queue(name);
    }

    @Override
    public Topic createTopic(String name) throws JMSException {
        checkOpen();
        checkDomain(Domain.QUEUE, "create a topic");
        return Destinations.topic(name);
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        checkOpen();
        checkDomain(Domain.TOPIC, "create a temporary queue");
        return connection.createTemporaryQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        checkOpen();
        checkDomain(Domain.QUEUE, "create a temporary topic");
        return connection.createTemporaryTopic();
    }

    // ---- application server facilities (optional in the spec; TableMQ serves MDBs through its resource adapter)

    @Override
    public MessageListener getMessageListener() throws JMSException {
        checkOpen();
        throw asfRefused("Session.getMessageListener");
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        checkOpen();
        throw asfRefused("Session.setMessageListener");
    }

    @Override
    public void run() {
        throw new UnsupportedOperationException("Session.run() belongs to the optional application server facilities,"
                + " which TableMQ does not provide; use the TableMQ resource adapter for message-driven beans");
    }

    static JMSException asfRefused(String method) {
        return new JMSException(method + " belongs to the optional application server facilities of the Jakarta"
                + " Messaging specification, which TableMQ does not provide; use the TableMQ resource adapter");
    }

    // ---- close

    @Override
    public void close() throws JMSException {
        CallbackGuard.refuseInCallbacksOf(this, "close " + description());
        closeInternal();
    }

    /** Closes consumers, waits for asynchronous sends, rolls back what is pending; idempotent. */
    void closeInternal() throws JMSException {
        if (!closed.close()) {
            return;
        }
        JMSException failure = null;
        dispatcher.closeAll();
        for (TableMQMessageConsumer c : openConsumers) {
            c.closeQuietly();
        }
        asyncSender.close();
        for (TableMQMessageProducer p : openProducers) {
            p.markClosed();
        }
        openProducers.clear();
        for (TableMQQueueBrowser b : openBrowsers) {
            b.close();
        }
        try {
            acks.close();
        } catch (JMSException e) {
            failure = e;
        }
        try {
            tx.close();
        } catch (JMSException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        connection.sessionClosed(this);
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return description();
    }
}
