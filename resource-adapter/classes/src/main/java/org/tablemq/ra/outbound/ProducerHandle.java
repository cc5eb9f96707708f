package org.tablemq.ra.outbound;

import jakarta.jms.CompletionListener;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import org.tablemq.ra.outbound.ContainerRestrictions.Forbidden;

/** A producer of a session handle: the provider's producer, without asynchronous sends (§12.2). */
final class ProducerHandle implements MessageProducer {

    private final SessionHandle session;
    private final MessageProducer delegate;

    ProducerHandle(SessionHandle session, MessageProducer delegate) {
        this.session = session;
        this.delegate = delegate;
    }

    private MessageProducer open() throws JMSException {
        session.checkOpen();
        return delegate;
    }

    @Override
    public void close() throws JMSException {
        session.forget(this);
        delegate.close();
    }

    @Override
    public long getDeliveryDelay() throws JMSException {
        return open().getDeliveryDelay();
    }

    @Override
    public int getDeliveryMode() throws JMSException {
        return open().getDeliveryMode();
    }

    @Override
    public Destination getDestination() throws JMSException {
        return open().getDestination();
    }

    @Override
    public boolean getDisableMessageID() throws JMSException {
        return open().getDisableMessageID();
    }

    @Override
    public boolean getDisableMessageTimestamp() throws JMSException {
        return open().getDisableMessageTimestamp();
    }

    @Override
    public int getPriority() throws JMSException {
        return open().getPriority();
    }

    @Override
    public long getTimeToLive() throws JMSException {
        return open().getTimeToLive();
    }

    @Override
    public void send(Message message) throws JMSException {
        MessageProducer p = open();
        session.call(() -> {
            p.send(message);
            return null;
        });
    }

    @Override
    public void send(Destination destination, Message message) throws JMSException {
        MessageProducer p = open();
        session.call(() -> {
            p.send(destination, message);
            return null;
        });
    }

    @Override
    public void send(Message message, int deliveryMode, int priority, long timeToLive) throws JMSException {
        MessageProducer p = open();
        session.call(() -> {
            p.send(message, deliveryMode, priority, timeToLive);
            return null;
        });
    }

    @Override
    public void send(Destination destination, Message message, int deliveryMode, int priority, long timeToLive)
            throws JMSException {
        MessageProducer p = open();
        session.call(() -> {
            p.send(destination, message, deliveryMode, priority, timeToLive);
            return null;
        });
    }

    @Override
    public void send(Message message, CompletionListener listener) throws JMSException {
        throw ContainerRestrictions.refuse(Forbidden.ASYNC_SEND);
    }

    @Override
    public void send(Destination destination, Message message, CompletionListener listener) throws JMSException {
        throw ContainerRestrictions.refuse(Forbidden.ASYNC_SEND);
    }

    @Override
    public void send(Message message, int deliveryMode, int priority, long timeToLive, CompletionListener listener)
            throws JMSException {
        throw ContainerRestrictions.refuse(Forbidden.ASYNC_SEND);
    }

    @Override
    public void send(Destination destination, Message message, int deliveryMode, int priority, long timeToLive,
                     CompletionListener listener) throws JMSException {
        throw ContainerRestrictions.refuse(Forbidden.ASYNC_SEND);
    }

    @Override
    public void setDeliveryDelay(long deliveryDelay) throws JMSException {
        open().setDeliveryDelay(deliveryDelay);
    }

    @Override
    public void setDeliveryMode(int deliveryMode) throws JMSException {
        open().setDeliveryMode(deliveryMode);
    }

    @Override
    public void setDisableMessageID(boolean value) throws JMSException {
        open().setDisableMessageID(value);
    }

    @Override
    public void setDisableMessageTimestamp(boolean value) throws JMSException {
        open().setDisableMessageTimestamp(value);
    }

    @Override
    public void setPriority(int defaultPriority) throws JMSException {
        open().setPriority(defaultPriority);
    }

    @Override
    public void setTimeToLive(long timeToLive) throws JMSException {
        open().setTimeToLive(timeToLive);
    }
}
