package org.tablemq.ra.outbound;

import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
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
import jakarta.jms.TopicSubscriber;
import jakarta.jms.TransactionInProgressException;
import java.io.Serializable;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.tablemq.ra.outbound.ContainerRestrictions.Forbidden;

/**
 * What an application holds as a {@code jakarta.jms.Session}: a handle on a managed connection's session. Inside a
 * Jakarta transaction its work commits with the transaction; outside one it is non-transacted and auto-acknowledged,
 * whatever session parameters were asked for (Jakarta Messaging 3.1 §12.3). Closing it closes what it created and
 * gives the managed connection back to the server.
 */
public final class SessionHandle implements Session {

    private volatile TableMQManagedConnection mc;
    private volatile boolean closed;
    private volatile Runnable onClose = () -> { };
    private final Set<Object> children = ConcurrentHashMap.newKeySet();

    SessionHandle(TableMQManagedConnection mc) {
        this.mc = mc;
    }

    TableMQManagedConnection managedConnection() {
        return mc;
    }

    void associate(TableMQManagedConnection to) {
        this.mc = to;
    }

    /** Lets the connection handle learn that its one session is gone. */
    void onClose(Runnable action) {
        this.onClose = action;
    }

    void checkOpen() throws JMSException {
        if (closed) {
            throw new IllegalStateException("This TableMQ session is closed");
        }
        if (mc == null) {
            throw new IllegalStateException("This TableMQ session is no longer associated with a connection");
        }
    }

    /** Runs a call on the physical session through the managed connection, which watches for a broken store. */
    <T> T call(JmsCall<T> call) throws JMSException {
        checkOpen();
        return mc.call(call);
    }

    private Session physical() throws JMSException {
        checkOpen();
        return mc.session();
    }

    void forget(Object child) {
        children.remove(child);
    }

    private <T> T track(T child) {
        children.add(child);
        return child;
    }

    /** The server took the managed connection back (cleanup): closes what this handle created, without events. */
    void invalidate() {
        closeChildren();
        closed = true;
        mc = null;
        onClose.run();
    }

    @Override
    public void close() throws JMSException {
        if (closed) {
            return;
        }
        TableMQManagedConnection owner = mc;
        closeChildren();
        closed = true;
        onClose.run();
        if (owner != null) {
            owner.handleClosed(this);
        }
    }

    private void closeChildren() {
        for (Object child : children) {
            try {
                if (child instanceof MessageProducer p) {
                    p.close();
                } else if (child instanceof MessageConsumer c) {
                    c.close();
                } else if (child instanceof QueueBrowser b) {
                    b.close();
                }
            } catch (JMSException | RuntimeException e) {
                System.getLogger(SessionHandle.class.getName()).log(System.Logger.Level.DEBUG,
                        () -> "Closing " + child + " of a session handle failed", e);
            }
        }
        children.clear();
    }

    /** Inside a transaction the container commits; outside one there is nothing to commit (§12.3). */
    @Override
    public void commit() throws JMSException {
        checkOpen();
        if (mc.inTransaction()) {
            throw new TransactionInProgressException("Session.commit inside a Jakarta transaction: the transaction "
                    + "manager commits this session's work (" + ContainerRestrictions.SESSION_RULES + ")");
        }
        throw ContainerRestrictions.refuse(Forbidden.LOCAL_TRANSACTION);
    }

    @Override
    public void rollback() throws JMSException {
        checkOpen();
        if (mc.inTransaction()) {
            throw new TransactionInProgressException("Session.rollback inside a Jakarta transaction: use "
                    + "setRollbackOnly on the transaction instead (" + ContainerRestrictions.SESSION_RULES + ")");
        }
        throw ContainerRestrictions.refuse(Forbidden.LOCAL_TRANSACTION);
    }

    @Override
    public boolean getTransacted() throws JMSException {
        checkOpen();
        return mc.inTransaction();
    }

    @Override
    public int getAcknowledgeMode() throws JMSException {
        checkOpen();
        return mc.inTransaction() ? Session.SESSION_TRANSACTED : Session.AUTO_ACKNOWLEDGE;
    }

    @Override
    public void recover() throws JMSException {
        checkOpen();
        if (mc.inTransaction()) {
            throw new IllegalStateException("Session.recover inside a Jakarta transaction: the transaction decides "
                    + "what is redelivered (" + ContainerRestrictions.SESSION_RULES + ")");
        }
        Session s = physical();
        call(() -> {
            s.recover();
            return null;
        });
    }

    @Override
    public MessageListener getMessageListener() throws JMSException {
        throw ContainerRestrictions.refuse(Forbidden.SESSION_GET_MESSAGE_LISTENER);
    }

    @Override
    public void setMessageListener(MessageListener listener) throws JMSException {
        throw ContainerRestrictions.refuse(Forbidden.SESSION_SET_MESSAGE_LISTENER);
    }

    @Override
    public void run() {
        throw ContainerRestrictions.refuseRuntime(Forbidden.SESSION_RUN);
    }

    @Override
    public MessageProducer createProducer(Destination destination) throws JMSException {
        Session s = physical();
        return track(new ProducerHandle(this, call(() -> s.createProducer(destination))));
    }

    @Override
    public MessageConsumer createConsumer(Destination destination) throws JMSException {
        Session s = physical();
        return track(new ConsumerHandle(this, call(() -> s.createConsumer(destination))));
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String selector) throws JMSException {
        Session s = physical();
        return track(new ConsumerHandle(this, call(() -> s.createConsumer(destination, selector))));
    }

    @Override
    public MessageConsumer createConsumer(Destination destination, String selector, boolean noLocal) throws JMSException {
        Session s = physical();
        return track(new ConsumerHandle(this, call(() -> s.createConsumer(destination, selector, noLocal))));
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String name) throws JMSException {
        Session s = physical();
        return track(new ConsumerHandle(this, call(() -> s.createSharedConsumer(topic, name))));
    }

    @Override
    public MessageConsumer createSharedConsumer(Topic topic, String name, String selector) throws JMSException {
        Session s = physical();
        return track(new ConsumerHandle(this, call(() -> s.createSharedConsumer(topic, name, selector))));
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name) throws JMSException {
        Session s = physical();
        return track(new ConsumerHandle(this, call(() -> s.createDurableConsumer(topic, name))));
    }

    @Override
    public MessageConsumer createDurableConsumer(Topic topic, String name, String selector, boolean noLocal)
            throws JMSException {
        Session s = physical();
        return track(new ConsumerHandle(this, call(() -> s.createDurableConsumer(topic, name, selector, noLocal))));
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name) throws JMSException {
        Session s = physical();
        return track(new ConsumerHandle(this, call(() -> s.createSharedDurableConsumer(topic, name))));
    }

    @Override
    public MessageConsumer createSharedDurableConsumer(Topic topic, String name, String selector) throws JMSException {
        Session s = physical();
        return track(new ConsumerHandle(this, call(() -> s.createSharedDurableConsumer(topic, name, selector))));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name) throws JMSException {
        Session s = physical();
        return track(new SubscriberHandle(this, call(() -> s.createDurableSubscriber(topic, name))));
    }

    @Override
    public TopicSubscriber createDurableSubscriber(Topic topic, String name, String selector, boolean noLocal)
            throws JMSException {
        Session s = physical();
        return track(new SubscriberHandle(this, call(() -> s.createDurableSubscriber(topic, name, selector, noLocal))));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue) throws JMSException {
        Session s = physical();
        return track(call(() -> s.createBrowser(queue)));
    }

    @Override
    public QueueBrowser createBrowser(Queue queue, String selector) throws JMSException {
        Session s = physical();
        return track(call(() -> s.createBrowser(queue, selector)));
    }

    @Override
    public Queue createQueue(String name) throws JMSException {
        Session s = physical();
        return call(() -> s.createQueue(name));
    }

    @Override
    public Topic createTopic(String name) throws JMSException {
        Session s = physical();
        return call(() -> s.createTopic(name));
    }

    @Override
    public TemporaryQueue createTemporaryQueue() throws JMSException {
        Session s = physical();
        return call(s::createTemporaryQueue);
    }

    @Override
    public TemporaryTopic createTemporaryTopic() throws JMSException {
        Session s = physical();
        return call(s::createTemporaryTopic);
    }

    @Override
    public void unsubscribe(String name) throws JMSException {
        Session s = physical();
        call(() -> {
            s.unsubscribe(name);
            return null;
        });
    }

    @Override
    public BytesMessage createBytesMessage() throws JMSException {
        return physical().createBytesMessage();
    }

    @Override
    public MapMessage createMapMessage() throws JMSException {
        return physical().createMapMessage();
    }

    @Override
    public Message createMessage() throws JMSException {
        return physical().createMessage();
    }

    @Override
    public ObjectMessage createObjectMessage() throws JMSException {
        return physical().createObjectMessage();
    }

    @Override
    public ObjectMessage createObjectMessage(Serializable object) throws JMSException {
        return physical().createObjectMessage(object);
    }

    @Override
    public StreamMessage createStreamMessage() throws JMSException {
        return physical().createStreamMessage();
    }

    @Override
    public TextMessage createTextMessage() throws JMSException {
        return physical().createTextMessage();
    }

    @Override
    public TextMessage createTextMessage(String text) throws JMSException {
        return physical().createTextMessage(text);
    }
}
