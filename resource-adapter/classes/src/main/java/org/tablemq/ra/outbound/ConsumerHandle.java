package org.tablemq.ra.outbound;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import org.tablemq.ra.outbound.ContainerRestrictions.Forbidden;

/** A consumer of a session handle: synchronous receives only (§12.2: listeners are for message-driven beans). */
class ConsumerHandle implements MessageConsumer {

    private final SessionHandle session;
    private final MessageConsumer delegate;

    ConsumerHandle(SessionHandle session, MessageConsumer delegate) {
        this.session = session;
        this.delegate = delegate;
    }

    MessageConsumer open() throws JMSException {
        session.checkOpen();
        return delegate;
    }

    @Override
    public void close() throws JMSException {
        session.forget(this);
        delegate.close();
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        throw ContainerRestrictions.refuse(Forbidden.CONSUMER_GET_MESSAGE_LISTENER);
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        throw ContainerRestrictions.refuse(Forbidden.CONSUMER_SET_MESSAGE_LISTENER);
    }

    @Override
    public String getMessageSelector() throws JMSException {
        return open().getMessageSelector();
    }

    @Override
    public Message receive() throws JMSException {
        MessageConsumer c = open();
        return session.call(c::receive);
    }

    @Override
    public Message receive(long timeout) throws JMSException {
        MessageConsumer c = open();
        return session.call(() -> c.receive(timeout));
    }

    @Override
    public Message receiveNoWait() throws JMSException {
        MessageConsumer c = open();
        return session.call(c::receiveNoWait);
    }
}
