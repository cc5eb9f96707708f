package org.tablemq.jms.client;

import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueSender;
import jakarta.jms.Topic;
import jakarta.jms.TopicPublisher;
import org.tablemq.jms.TableMQDestination;

/**
 * A MessageProducer (also QueueSender and TopicPublisher): holds the send defaults and hands each message to the
 * session's {@link SendPath}, synchronously or through its {@link AsyncSender}.
 */
public class TableMQMessageProducer implements QueueSender, TopicPublisher {

    private final TableMQSession session;
    private final TableMQDestination destination;
    private final ClosedState closed;
    private volatile boolean disableMessageId;
    private volatile boolean disableTimestamp;
    private volatile int deliveryMode = DeliveryMode.PERSISTENT;
    private volatile int priority = Message.DEFAULT_PRIORITY;
    private volatile long timeToLive = Message.DEFAULT_TIME_TO_LIVE;
    private volatile long deliveryDelay = Message.DEFAULT_DELIVERY_DELAY;

    TableMQMessageProducer(TableMQSession session, String description, TableMQDestination destination) {
        this.session = session;
        this.destination = destination;
        this.closed = new ClosedState(description);
    }

    private void check() throws JMSException {
        closed.check();
        session.checkOpen();
    }

    @Override
    public void setDisableMessageID(boolean value) throws JMSException {
        check();
        disableMessageId = value;
    }

    @Override
    public boolean getDisableMessageID() throws JMSException {
        check();
        return disableMessageId;
    }

    @Override
    public void setDisableMessageTimestamp(boolean value) throws JMSException {
        check();
        disableTimestamp = value;
    }

    @Override
    public boolean getDisableMessageTimestamp() throws JMSException {
        check();
        return disableTimestamp;
    }

    @Override
    public void setDeliveryMode(int deliveryMode) throws JMSException {
        check();
        DeliveryRules.checkDeliveryMode(deliveryMode, closed.description());
        this.deliveryMode = deliveryMode;
    }

    @Override
    public int getDeliveryMode() throws JMSException {
        check();
        return deliveryMode;
    }

    @Override
    public void setPriority(int priority) throws JMSException {
        check();
        DeliveryRules.checkPriority(priority, closed.description());
        this.priority = priority;
    }

    @Override
    public int getPriority() throws JMSException {
        check();
        return priority;
    }

    @Override
    public void setTimeToLive(long timeToLive) throws JMSException {
        check();
        this.timeToLive = timeToLive;
    }

    @Override
    public long getTimeToLive() throws JMSException {
        check();
        return timeToLive;
    }

    @Override
    public void setDeliveryDelay(long deliveryDelay) throws JMSException {
        check();
        this.deliveryDelay = deliveryDelay;
    }

    @Override
    public long getDeliveryDelay() throws JMSException {
        check();
        return deliveryDelay;
    }

    @Override
    public Destination getDestination() throws JMSException {
        check();
        return destination;
    }

    @Override
    public Queue getQueue() throws JMSException {
        check();
        return destination instanceof Queue q ? q : null;
    }

    @Override
    public Topic getTopic() throws JMSException {
        check();
        return destination instanceof Topic t ? t : null;
    }

    @Override
    public void close() throws JMSException {
        CallbackGuard.refuseInCompletionOf(session, "close " + closed.description());
        if (closed.close()) {
            session.producerClosed(this);
        }
    }

    // ---- sends to the producer's destination

    @Override
    public void send(Message message) throws JMSException {
        send(message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Message message, int deliveryMode, int priority, long timeToLive) throws JMSException {
        sendTo(ownDestination(), message, settings(deliveryMode, priority, timeToLive), null);
    }

    @Override
    public void send(Message message, CompletionListener listener) throws JMSException {
        send(message, deliveryMode, priority, timeToLive, listener);
    }

    @Override
    public void send(Message message, int deliveryMode, int priority, long timeToLive, CompletionListener listener)
            throws JMSException {
        sendTo(ownDestination(), message, settings(deliveryMode, priority, timeToLive), requireListener(listener));
    }

    // ---- sends to a destination named per call (producer created without one)

    @Override
    public void send(Destination destination, Message message) throws JMSException {
        send(destination, message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void send(Destination destination, Message message, int deliveryMode, int priority, long timeToLive)
            throws JMSException {
        sendTo(perCallDestination(destination), message, settings(deliveryMode, priority, timeToLive), null);
    }

    @Override
    public void send(Destination destination, Message message, CompletionListener listener) throws JMSException {
        send(destination, message, deliveryMode, priority, timeToLive, listener);
    }

    @Override
    public void send(Destination destination, Message message, int deliveryMode, int priority, long timeToLive,
                     CompletionListener listener) throws JMSException {
        sendTo(perCallDestination(destination), message, settings(deliveryMode, priority, timeToLive), requireListener(listener));
    }

    // ---- QueueSender / TopicPublisher spellings

    @Override
    public void send(Queue queue, Message message) throws JMSException {
        send((Destination) queue, message);
    }

    @Override
    public void send(Queue queue, Message message, int deliveryMode, int priority, long timeToLive) throws JMSException {
        send((Destination) queue, message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void publish(Message message) throws JMSException {
        send(message);
    }

    @Override
    public void publish(Message message, int deliveryMode, int priority, long timeToLive) throws JMSException {
        send(message, deliveryMode, priority, timeToLive);
    }

    @Override
    public void publish(Topic topic, Message message) throws JMSException {
        send(topic, message);
    }

    @Override
    public void publish(Topic topic, Message message, int deliveryMode, int priority, long timeToLive) throws JMSException {
        send(topic, message, deliveryMode, priority, timeToLive);
    }

    private void sendTo(Destination target, Message message, SendPath.Settings settings, CompletionListener listener)
            throws JMSException {
        session.send(target, message, settings, listener);
    }

    private SendPath.Settings settings(int deliveryMode, int priority, long timeToLive) {
        return new SendPath.Settings(deliveryMode, priority, timeToLive, deliveryDelay, disableMessageId, disableTimestamp);
    }

    private Destination ownDestination() throws JMSException {
        check();
        if (destination == null) {
            throw new UnsupportedOperationException("Cannot send without a destination: " + closed.description()
                    + " was created without one, so each send must name its destination");
        }
        return destination;
    }

    private Destination perCallDestination(Destination d) throws JMSException {
        check();
        if (destination != null) {
            throw new UnsupportedOperationException("Cannot send to " + d + ": " + closed.description()
                    + " was created for " + destination + " and sends only there");
        }
        if (d == null) {
            throw new InvalidDestinationException("Cannot send: the destination is null and " + closed.description()
                    + " has no destination of its own");
        }
        return d;
    }

    private CompletionListener requireListener(CompletionListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("The CompletionListener of an asynchronous send must not be null");
        }
        return listener;
    }

    /** A producer closing with its session. */
    void markClosed() {
        closed.close();
    }
}
