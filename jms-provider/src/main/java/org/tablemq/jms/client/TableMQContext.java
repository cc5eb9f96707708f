package org.tablemq.jms.client;

import static org.tablemq.jms.client.TableMQContextCalls.call;
import static org.tablemq.jms.client.TableMQContextCalls.run;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.Serializable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simplified API's JMSContext, built only on the classic API (a Connection, one Session created on first
 * need, one anonymous MessageProducer shared by its JMSProducers), so it works over any classic connection.
 * <p>
 * AUTO_ACKNOWLEDGE and DUPS_OK_ACKNOWLEDGE contexts run a CLIENT_ACKNOWLEDGE session underneath and acknowledge
 * each message themselves once it has been handed out: that is what lets {@code receiveBody} keep a message
 * whose body has the wrong type unacknowledged and deliver it again, not as a redelivery, as the spec demands.
 * While a message is held back, acknowledgements of other messages wait (a CLIENT_ACKNOWLEDGE acknowledgement
 * covers the whole session, the held-back message included) until it is handed out; if its consumer closes
 * instead, the session is recovered and those messages come again flagged as redelivered: a duplicate that says
 * so is preferred to a lost message.
 */
public class TableMQContext implements JMSContext {

    private final TableMQContextConnection shared;
    private final int sessionMode;
    private final List<TableMQConsumer> consumers = new CopyOnWriteArrayList<>();
    private Session session;
    private MessageProducer producer;
    private volatile boolean autoStart = true;
    private volatile boolean closed;
    private final TableMQContextAcks acks;

    /**
     * A context that owns {@code connection}: closing the last context on it closes it.
     *
     * @throws JMSRuntimeException if {@code sessionMode} is not one of the four JMSContext session modes
     *                             (the connection is closed then, as nobody else owns it)
     */
    public TableMQContext(Connection connection, int sessionMode) {
        this(new TableMQContextConnection(connection), checkMode(sessionMode, connection));
    }

    private TableMQContext(TableMQContextConnection shared, int sessionMode) {
        this.shared = shared;
        this.sessionMode = sessionMode;
        this.acks = new TableMQContextAcks(sessionMode);
        shared.acquire();
    }

    private static int checkMode(int mode, Connection connection) {
        if (mode < SESSION_TRANSACTED || mode > DUPS_OK_ACKNOWLEDGE) {
            JMSRuntimeException e = new JMSRuntimeException("Invalid JMSContext session mode " + mode
                    + ": use AUTO_ACKNOWLEDGE (1), CLIENT_ACKNOWLEDGE (2), DUPS_OK_ACKNOWLEDGE (3) or SESSION_TRANSACTED (0)");
            try {
                connection.close();
            } catch (JMSException | RuntimeException closeFailure) {
                e.addSuppressed(closeFailure);
            }
            throw e;
        }
        return mode;
    }

    @Override
    public JMSContext createContext(int sessionMode) {
        checkOpen("create a context");
        if (sessionMode < SESSION_TRANSACTED || sessionMode > DUPS_OK_ACKNOWLEDGE) {
            throw new JMSRuntimeException("Invalid JMSContext session mode " + sessionMode
                    + ": use AUTO_ACKNOWLEDGE (1), CLIENT_ACKNOWLEDGE (2), DUPS_OK_ACKNOWLEDGE (3) or SESSION_TRANSACTED (0)");
        }
        return new TableMQContext(shared, sessionMode);
    }

    @Override
    public JMSProducer createProducer() {
        checkOpen("create a producer");
        return new TableMQProducer(this);
    }

    @Override
    public String getClientID() {
        checkOpen("get the client id");
        return call(connection()::getClientID);
    }

    @Override
    public void setClientID(String clientID) {
        checkOpen("set the client id");
        shared.setClientID(clientID);
    }

    @Override
    public ConnectionMetaData getMetaData() {
        checkOpen("get the connection metadata");
        return call(connection()::getMetaData);
    }

    @Override
    public ExceptionListener getExceptionListener() {
        checkOpen("get the exception listener");
        return call(connection()::getExceptionListener);
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) {
        checkOpen("set the exception listener");
        run(() -> connection().setExceptionListener(listener));
    }

    @Override
    public void start() {
        checkOpen("start");
        shared.markUsed();
        run(connection()::start);
    }

    @Override
    public void stop() {
        checkOpen("stop");
        TableMQContext inListener = TableMQContextCallbacks.listenerContext();
        if (inListener != null && inListener.shared == shared) {
            throw new IllegalStateRuntimeException("A MessageListener must not stop the connection of its own JMSContext");
        }
        shared.markUsed();
        run(connection()::stop);
    }

    @Override
    public void setAutoStart(boolean autoStart) {
        checkOpen("set autoStart");
        this.autoStart = autoStart;
    }

    @Override
    public boolean getAutoStart() {
        checkOpen("get autoStart");
        return autoStart;
    }

    @Override
    public void close() {
        if (TableMQContextCallbacks.listenerContext() == this) {
            throw new IllegalStateRuntimeException("A MessageListener must not close its own JMSContext");
        }
        if (TableMQContextCallbacks.completionContext() == this) {
            throw new IllegalStateRuntimeException("A CompletionListener must not close its own JMSContext");
        }
        Session toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = session;
        }
        JMSRuntimeException failure = null;
        try {
            if (toClose != null) {
                run(toClose::close);
            }
        } catch (JMSRuntimeException e) {
            failure = e;
        }
        consumers.clear();
        try {
            shared.release();
        } catch (JMSRuntimeException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public BytesMessage createBytesMessage() {
        return call(() -> session("create a BytesMessage").createBytesMessage());
    }

    @Override
    public MapMessage createMapMessage() {
        return call(() -> session("create a MapMessage").createMapMessage());
    }

    @Override
    public Message createMessage() {
        return call(() -> session("create a Message").createMessage());
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return call(() -> session("create an ObjectMessage").createObjectMessage());
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) {
        return call(() -> session("create an ObjectMessage").createObjectMessage(object));
    }

    @Override
    public StreamMessage createStreamMessage() {
        return call(() -> session("create a StreamMessage").createStreamMessage());
    }

    @Override
    public TextMessage createTextMessage() {
        return call(() -> session("create a TextMessage").createTextMessage());
    }

    @Override
    public TextMessage createTextMessage(String text) {
        return call(() -> session("create a TextMessage").createTextMessage(text));
    }

    @Override
    public boolean getTransacted() {
        checkOpen("get the transacted mode");
        return sessionMode == SESSION_TRANSACTED;
    }

    @Override
    public int getSessionMode() {
        checkOpen("get the session mode");
        return sessionMode;
    }

    @Override
    public void commit() {
        checkTransactedCall("commit");
        run(() -> session("commit").commit());
    }

    @Override
    public void rollback() {
        checkTransactedCall("roll back");
        run(() -> session("roll back").rollback());
    }

    @Override
    public void recover() {
        checkOpen("recover");
        if (sessionMode == SESSION_TRANSACTED) {
            throw new IllegalStateRuntimeException("Cannot recover a transacted JMSContext: use rollback()");
        }
        for (TableMQConsumer consumer : consumers) {
            consumer.forgetHeldBack();
        }
        acks.recovered();
        run(() -> session("recover").recover());
    }

    @Override
    public void acknowledge() {
        checkOpen("acknowledge");
        run(acks::acknowledgeSession);
    }

    @Override
    public JMSConsumer createConsumer(Destination destination) {
        return consumer("create a consumer", s -> s.createConsumer(destination));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector) {
        return consumer("create a consumer", s -> s.createConsumer(destination, messageSelector));
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String messageSelector, boolean noLocal) {
        return consumer("create a consumer", s -> s.createConsumer(destination, messageSelector, noLocal));
    }

    @Override
    public Queue createQueue(String queueName) {
        return call(() -> session("create queue '" + queueName + "'").createQueue(queueName));
    }

    @Override
    public Topic createTopic(String topicName) {
        return call(() -> session("create topic '" + topicName + "'").createTopic(topicName));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name) {
        return consumer("create durable consumer '" + name + "'", s -> s.createDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name, String messageSelector, boolean noLocal) {
        return consumer("create durable consumer '" + name + "'",
                s -> s.createDurableConsumer(topic, name, messageSelector, noLocal));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
        return consumer("create shared durable consumer '" + name + "'", s -> s.createSharedDurableConsumer(topic, name));
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String messageSelector) {
        return consumer("create shared durable consumer '" + name + "'",
                s -> s.createSharedDurableConsumer(topic, name, messageSelector));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName) {
        return consumer("create shared consumer '" + sharedSubscriptionName + "'",
                s -> s.createSharedConsumer(topic, sharedSubscriptionName));
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String sharedSubscriptionName, String messageSelector) {
        return consumer("create shared consumer '" + sharedSubscriptionName + "'",
                s -> s.createSharedConsumer(topic, sharedSubscriptionName, messageSelector));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) {
        return call(() -> session("create a browser").createBrowser(queue));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String messageSelector) {
        return call(() -> session("create a browser").createBrowser(queue, messageSelector));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return call(() -> session("create a temporary queue").createTemporaryQueue());
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return call(() -> session("create a temporary topic").createTemporaryTopic());
    }

    @Override
    public void unsubscribe(String name) {
        run(() -> session("unsubscribe '" + name + "'").unsubscribe(name));
    }

    // ---- what TableMQProducer and TableMQConsumer call back into

    /** The session, created on first need (so the client id can still be set until then). */
    synchronized Session session(String action) {
        checkOpen(action);
        if (session == null) {
            shared.markUsed();
            // AUTO and DUPS_OK are emulated over CLIENT_ACKNOWLEDGE, see the class comment
            int underlying = sessionMode == AUTO_ACKNOWLEDGE || sessionMode == DUPS_OK_ACKNOWLEDGE
                    ? Session.CLIENT_ACKNOWLEDGE : sessionMode;
            session = call(() -> connection().createSession(underlying));
        }
        return session;
    }

    /** The anonymous producer every JMSProducer of this context sends with. */
    synchronized MessageProducer producer() {
        if (producer == null) {
            Session s = session("send");
            producer = call(() -> s.createProducer(null));
        }
        checkOpen("send");
        return producer;
    }

    TableMQContextAcks acks() {
        return acks;
    }

    /** Redelivers what the session has not acknowledged (AUTO mode: a listener threw). */
    void recoverSession() {
        if (!closed) {
            run(() -> session("recover").recover());
        }
    }

    /** A held-back message will not be received here: the session redelivers everything not acknowledged. */
    void heldBackGivenUp() {
        acks.heldBackReleased();
        recoverSession();
    }

    void consumerClosed(TableMQConsumer consumer) {
        consumers.remove(consumer);
    }

    void checkOpen(String action) {
        if (closed) {
            throw new IllegalStateRuntimeException("Cannot " + action + ": the JMSContext is closed");
        }
    }

    private Connection connection() {
        return shared.connection();
    }

    private void checkTransactedCall(String action) {
        checkOpen(action);
        if (sessionMode != SESSION_TRANSACTED) {
            throw new IllegalStateRuntimeException("Cannot " + action + " a JMSContext that is not transacted (session mode "
                    + sessionMode + ")");
        }
        if (TableMQContextCallbacks.completionContext() == this) {
            throw new IllegalStateRuntimeException("A CompletionListener must not " + action + " its own JMSContext");
        }
    }

    /** Creates a classic consumer, wraps it, and starts the connection if autoStart says so. */
    private JMSConsumer consumer(String action, ConsumerFactory factory) {
        Session s = session(action);
        MessageConsumer classic = call(() -> factory.create(s));
        TableMQConsumer consumer = new TableMQConsumer(this, classic);
        consumers.add(consumer);
        if (autoStart) {
            try {
                run(connection()::start);
            } catch (JMSRuntimeException e) {
                try {
                    classic.close();
                } catch (JMSException closeFailure) {
                    e.addSuppressed(closeFailure);
                }
                consumers.remove(consumer);
                throw e;
            }
        }
        return consumer;
    }

    @FunctionalInterface
    private interface ConsumerFactory {
        MessageConsumer create(Session session) throws JMSException;
    }

    @Override
    public String toString() {
        return "TableMQContext[mode=" + sessionMode + (closed ? ", closed" : "") + "]";
    }
}
