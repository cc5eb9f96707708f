package org.tablemq.ra.outbound;

import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.Destination;
import jakarta.jms.ExceptionListener;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.StreamMessage;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.io.Serializable;
import org.tablemq.jms.client.TableMQContext;
import org.tablemq.ra.outbound.ContainerRestrictions.Forbidden;

/**
 * What an application holds as a {@code jakarta.jms.JMSContext}: the provider's simplified API over a
 * {@link ConnectionHandle}, so its session is a pooled, enlisted managed connection and the restrictions of
 * Jakarta Messaging 3.1 §12.2 apply (the connection and session handles refuse what the rule forbids; the calls
 * that exist only on JMSContext are refused here). Session modes CLIENT_ACKNOWLEDGE and SESSION_TRANSACTED are
 * replaced by AUTO_ACKNOWLEDGE, as §12.3 requires.
 */
final class ContextHandle implements JMSContext {

    private final JMSContext delegate;

    ContextHandle(ConnectionHandle connection, int sessionMode) {
        int mode = sessionMode == JMSContext.CLIENT_ACKNOWLEDGE || sessionMode == JMSContext.SESSION_TRANSACTED
                ? JMSContext.AUTO_ACKNOWLEDGE : sessionMode;
        this.delegate = new TableMQContext(connection, mode);
    }

    @Override
    public void acknowledge() {
        delegate.acknowledge();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public void commit() {
        delegate.commit();
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) {
        return delegate.createBrowser(queue);
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String selector) {
        return delegate.createBrowser(queue, selector);
    }

    @Override
    public BytesMessage createBytesMessage() {
        return delegate.createBytesMessage();
    }

    @Override
    public JMSConsumer createConsumer(Destination destination) {
        return delegate.createConsumer(destination);
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String selector) {
        return delegate.createConsumer(destination, selector);
    }

    @Override
    public JMSConsumer createConsumer(Destination destination, String selector, boolean noLocal) {
        return delegate.createConsumer(destination, selector, noLocal);
    }

    /** §12.2: the context already holds its connection's one session. */
    @Override
    public JMSContext createContext(int sessionMode) {
        throw ContainerRestrictions.refuseRuntime(Forbidden.CONTEXT_CREATE_CONTEXT);
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name) {
        return delegate.createDurableConsumer(topic, name);
    }

    @Override
    public JMSConsumer createDurableConsumer(Topic topic, String name, String selector, boolean noLocal) {
        return delegate.createDurableConsumer(topic, name, selector, noLocal);
    }

    @Override
    public MapMessage createMapMessage() {
        return delegate.createMapMessage();
    }

    @Override
    public Message createMessage() {
        return delegate.createMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() {
        return delegate.createObjectMessage();
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) {
        return delegate.createObjectMessage(object);
    }

    @Override
    public JMSProducer createProducer() {
        return delegate.createProducer();
    }

    @Override
    public Queue createQueue(String name) {
        return delegate.createQueue(name);
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String name) {
        return delegate.createSharedConsumer(topic, name);
    }

    @Override
    public JMSConsumer createSharedConsumer(Topic topic, String name, String selector) {
        return delegate.createSharedConsumer(topic, name, selector);
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name) {
        return delegate.createSharedDurableConsumer(topic, name);
    }

    @Override
    public JMSConsumer createSharedDurableConsumer(Topic topic, String name, String selector) {
        return delegate.createSharedDurableConsumer(topic, name, selector);
    }

    @Override
    public StreamMessage createStreamMessage() {
        return delegate.createStreamMessage();
    }

    @Override
    public TemporaryQueue createTemporaryQueue() {
        return delegate.createTemporaryQueue();
    }

    @Override
    public TemporaryTopic createTemporaryTopic() {
        return delegate.createTemporaryTopic();
    }

    @Override
    public TextMessage createTextMessage() {
        return delegate.createTextMessage();
    }

    @Override
    public TextMessage createTextMessage(String text) {
        return delegate.createTextMessage(text);
    }

    @Override
    public Topic createTopic(String name) {
        return delegate.createTopic(name);
    }

    @Override
    public boolean getAutoStart() {
        return delegate.getAutoStart();
    }

    @Override
    public String getClientID() {
        return delegate.getClientID();
    }

    @Override
    public ExceptionListener getExceptionListener() {
        return delegate.getExceptionListener();
    }

    @Override
    public ConnectionMetaData getMetaData() {
        return delegate.getMetaData();
    }

    @Override
    public int getSessionMode() {
        return delegate.getSessionMode();
    }

    @Override
    public boolean getTransacted() {
        return delegate.getTransacted();
    }

    @Override
    public void recover() {
        delegate.recover();
    }

    @Override
    public void rollback() {
        delegate.rollback();
    }

    @Override
    public void setAutoStart(boolean autoStart) {
        delegate.setAutoStart(autoStart);
    }

    @Override
    public void setClientID(String clientID) {
        throw ContainerRestrictions.refuseRuntime(Forbidden.SET_CLIENT_ID);
    }

    @Override
    public void setExceptionListener(ExceptionListener listener) {
        throw ContainerRestrictions.refuseRuntime(Forbidden.SET_EXCEPTION_LISTENER);
    }

    @Override
    public void start() {
        delegate.start();
    }

    @Override
    public void stop() {
        throw ContainerRestrictions.refuseRuntime(Forbidden.STOP);
    }

    @Override
    public void unsubscribe(String name) {
        delegate.unsubscribe(name);
    }
}
