package org.tablemq.jms.client;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.Queue;
import jakarta.jms.QueueReceiver;
import jakarta.jms.Topic;
import jakarta.jms.TopicSubscriber;
import java.util.concurrent.TimeUnit;
import org.tablemq.jms.TableMQDestination;
import org.tablemq.jms.internal.JmsErrors;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.store.StoredMessage;
import org.tablemq.jms.store.Subscription;
import org.tablemq.jms.tx.Delivery;

/**
 * A MessageConsumer (also QueueReceiver and TopicSubscriber): synchronous receive from its
 * {@link ConsumerBuffer}, or asynchronous delivery through the session's {@link SessionDispatcher}.
 */
public class TableMQMessageConsumer implements QueueReceiver, TopicSubscriber {

    private static final System.Logger LOG = Log.of(TableMQMessageConsumer.class);
    /** Timeouts beyond this are treated as "wait forever" (and cannot overflow nanoTime arithmetic). */
    private static final long FOREVER_MILLIS = TimeUnit.DAYS.toMillis(365);

    private final TableMQSession session;
    private final TableMQDestination destination;
    private final String selector;
    private final boolean noLocal;
    private final Subscription subscription;
    private final ConsumerBuffer buffer;
    private final ClosedState closed;
    private volatile MessageListener listener;

    TableMQMessageConsumer(TableMQSession session, String description, TableMQDestination destination, String selector,
                           boolean noLocal, Subscription subscription, ConsumerBuffer buffer) {
        this.session = session;
        this.destination = destination;
        this.selector = selector;
        this.noLocal = noLocal;
        this.subscription = subscription;
        this.buffer = buffer;
        this.closed = new ClosedState(description);
    }

    String description() {
        return closed.description();
    }

    ConsumerBuffer buffer() {
        return buffer;
    }

    TableMQDestination destination() {
        return destination;
    }

    Subscription subscription() {
        return subscription;
    }

    Delivery delivery(StoredMessage m) {
        return new Delivery(m.id(), m.deliveryCount(), destination.getName(), buffer.endpoint().description(),
                m.deadLetterReason() != null);
    }

    @Override
    public String getMessageSelector() throws JMSException {
        closed.check();
        return selector;
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        closed.check();
        return listener;
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        closed.check();
        session.checkOpen();
        this.listener = listener;
        if (listener == null) {
            session.dispatcher().unlisten(this);
        } else {
            session.dispatcher().listen(this, listener);
        }
    }

    @Override
    public Message receive() throws JMSException {
        return receive(-1);
    }

    @Override
    public Message receive(long timeout) throws JMSException {
        long nanos = timeout <= 0 || timeout > FOREVER_MILLIS ? -1 : TimeUnit.MILLISECONDS.toNanos(timeout);
        return receive(nanos, "receive");
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        return receive(0, "receiveNoWait");
    }

    /**
     * TableMQ's extension for its resource adapter: waits at most {@code timeoutMillis} until a message can be
     * received at once (claimed into this consumer's window), without receiving it. A message-driven bean's worker
     * waits here before it asks the container to begin a transaction, so an idle endpoint begins none.
     *
     * @return whether the next receive will find a message without waiting
     */
    public boolean awaitMessage(long timeoutMillis) throws JMSException {
        closed.check();
        try {
            StoredMessage m = buffer.next(TimeUnit.MILLISECONDS.toNanos(Math.max(0, timeoutMillis)));
            if (m == null) {
                return false;
            }
            buffer.pushBack(m);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw JmsErrors.create("Interrupted while waiting for a message on " + description(), e);
        }
    }

    private Message receive(long nanos, String what) throws JMSException {
        closed.check();
        if (listener != null || session.dispatcher().hasListeners()) {
            throw new IllegalStateException("Cannot " + what + " on " + description()
                    + ": its session delivers to a MessageListener (the spec forbids mixing both in one session)");
        }
        long deadline = System.nanoTime() + nanos;
        long left = nanos;
        while (true) {
            StoredMessage m;
            try {
                m = buffer.next(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw JmsErrors.create("Interrupted during " + what + " on " + description(), e);
            }
            if (m == null) {
                return null;
            }
            Message handed = session.handover().toReceiver(this, m);
            if (handed != null) {
                return handed;
            }
            // that message turned out to be another consumer's: look for the next one within what is left of the wait
            left = nanos <= 0 ? nanos : Math.max(0, deadline - System.nanoTime());
        }
    }

    /** Pauses a listener thread after a store failure; false once the consumer is closed. */
    synchronized boolean waitAfterFailure() {
        try {
            wait(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !closed.isClosed();
    }

    @Override
    public void close() throws JMSException {
        if (!closed.close()) {
            return;
        }
        buffer.close();
        session.dispatcher().unlisten(this);
        synchronized (this) {
            notifyAll();
        }
        JMSException failure = null;
        try {
            buffer.releaseUndelivered();
        } catch (JMSException e) {
            failure = e;
        }
        try {
            session.consumerClosed(this);
        } catch (JMSException e) {
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

    /** Closing because the session closes: like {@link #close()}, never throwing. */
    void closeQuietly() {
        try {
            close();
        } catch (JMSException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "While closing " + description() + ": " + e.getMessage());
        }
    }

    @Override
    public Queue getQueue() throws JMSException {
        closed.check();
        if (destination instanceof Queue q) {
            return q;
        }
        throw new IllegalStateException(description() + " consumes a topic, not a queue");
    }

    @Override
    public Topic getTopic() throws JMSException {
        closed.check();
        if (destination instanceof Topic t) {
            return t;
        }
        throw new IllegalStateException(description() + " consumes a queue, not a topic");
    }

    @Override
    public boolean getNoLocal() throws JMSException {
        closed.check();
        return noLocal;
    }
}
