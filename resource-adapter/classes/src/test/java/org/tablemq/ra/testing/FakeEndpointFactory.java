package org.tablemq.ra.testing;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAResource;

/**
 * What an EJB container does for a message-driven bean, reduced to the contract the adapter sees: for a transacted
 * bean, beforeDelivery begins a JTA transaction and enlists the adapter's XAResource, afterDelivery commits it, or
 * rolls it back when the bean threw or called setRollbackOnly. The bean's behaviour is a {@link Bean}.
 */
public final class FakeEndpointFactory implements MessageEndpointFactory {

    /** The message-driven bean's onMessage. */
    @FunctionalInterface
    public interface Bean {
        void onMessage(Message message, TransactionManager tm) throws Exception;
    }

    /** One call of onMessage and how its transaction ended. */
    public record Delivery(String messageId, String text, int deliveryCount, boolean redelivered, String thread,
                           boolean committed) {
    }

    private final boolean transacted;
    private final Bean bean;
    private final TransactionManager tm;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger inOnMessage = new AtomicInteger();
    private final AtomicInteger maxConcurrent = new AtomicInteger();
    private final AtomicInteger endpoints = new AtomicInteger();
    private final AtomicInteger released = new AtomicInteger();
    private final AtomicInteger transactionsBegun = new AtomicInteger();

    public FakeEndpointFactory(boolean transacted, Bean bean) {
        this.transacted = transacted;
        this.bean = bean;
        this.tm = transacted ? Narayana.transactionManager() : null;
    }

    public List<Delivery> deliveries() {
        return deliveries;
    }

    /** Deliveries whose transaction (or, non-transacted, whose onMessage) succeeded. */
    public List<Delivery> committed() {
        return deliveries.stream().filter(Delivery::committed).toList();
    }

    public int maxConcurrent() {
        return maxConcurrent.get();
    }

    public int inOnMessage() {
        return inOnMessage.get();
    }

    public int endpointsCreated() {
        return endpoints.get();
    }

    public int endpointsReleased() {
        return released.get();
    }

    /** How many delivery transactions the container began (transacted endpoints only). */
    public int transactionsBegun() {
        return transactionsBegun.get();
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource) throws UnavailableException {
        if (transacted && xaResource == null) {
            throw new UnavailableException("A transacted endpoint needs the adapter's XAResource");
        }
        endpoints.incrementAndGet();
        return new Endpoint(xaResource);
    }

    @Override
    public MessageEndpoint createEndpoint(XAResource xaResource, long timeout) throws UnavailableException {
        return createEndpoint(xaResource);
    }

    @Override
    public boolean isDeliveryTransacted(Method method) {
        return transacted;
    }

    @Override
    public String getActivationName() {
        return "test-mdb";
    }

    @Override
    public Class<?> getEndpointClass() {
        return Endpoint.class;
    }

    private final class Endpoint implements MessageEndpoint, MessageListener {

        private final XAResource xa;
        private Message current;
        private boolean failed;

        Endpoint(XAResource xa) {
            this.xa = xa;
        }

        @Override
        public void beforeDelivery(Method method) throws ResourceException {
            current = null;
            failed = false;
            if (transacted) {
                try {
                    transactionsBegun.incrementAndGet();
                    tm.begin();
                    tm.getTransaction().enlistResource(xa);
                } catch (Exception e) {
                    throw new ResourceException("Cannot begin the delivery transaction", e);
                }
            }
        }

        @Override
        public void onMessage(Message message) {
            current = message;
            int now = inOnMessage.incrementAndGet();
            maxConcurrent.accumulateAndGet(now, Math::max);
            try {
                bean.onMessage(message, tm);
            } catch (Exception e) {
                failed = true;
                if (transacted) {
                    try {
                        tm.setRollbackOnly();
                    } catch (Exception ignored) {
                        // no transaction: nothing to mark
                    }
                } else {
                    record(false);
                }
                throw e instanceof RuntimeException r ? r : new RuntimeException(e);
            } finally {
                inOnMessage.decrementAndGet();
            }
            if (!transacted) {
                record(true);
            }
        }

        @Override
        public void afterDelivery() throws ResourceException {
            if (!transacted) {
                return;
            }
            try {
                if (tm.getStatus() == Status.STATUS_MARKED_ROLLBACK) {
                    record(false);   // before the rollback makes the message available to another endpoint
                    tm.rollback();
                } else {
                    tm.commit();
                    record(!failed);
                }
            } catch (Exception e) {
                record(false);
                throw new ResourceException("The delivery transaction failed", e);
            }
        }

        private void record(boolean committed) {
            Message m = current;
            if (m == null) {
                return;
            }
            try {
                deliveries.add(new Delivery(m.getJMSMessageID(), m instanceof jakarta.jms.TextMessage t ? t.getText() : null,
                        m.getIntProperty("JMSXDeliveryCount"), m.getJMSRedelivered(), Thread.currentThread().getName(),
                        committed));
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
            current = null;
        }

        @Override
        public void release() {
            released.incrementAndGet();
        }
    }
}
