package org.tablemq.ra.inbound;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.jms.XASession;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.work.HintsContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkContextProvider;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.transaction.xa.XAResource;
import org.tablemq.jms.client.TableMQMessageConsumer;
import org.tablemq.jms.internal.Log;
import org.tablemq.ra.Problems;

/**
 * One consumer of an activation, running on a WorkManager thread: receive → onMessage → acknowledge, until the
 * activation stops. Transacted endpoints get the session's XAResource in {@code createEndpoint}, and the receive
 * happens between {@code beforeDelivery} and {@code afterDelivery}, so the acknowledgement is part of the container's
 * transaction: a rollback (exception or setRollbackOnly) gives the message back as redelivered, and after
 * maxDeliveryAttempts it goes to the dead letter queue (the provider's, or the activation's {@link DeadLetterRoute}).
 * Bean-managed endpoints get each message in a local transaction of the worker's session, committed once onMessage
 * returned and rolled back if it threw.
 */
final class DeliveryWorker implements Work, WorkContextProvider {

    private static final long serialVersionUID = 1L;
    private static final System.Logger LOG = Log.of(DeliveryWorker.class);
    /** How long a receive waits before the loop checks for stop: the bound on an idle worker's stop latency. */
    static final long RECEIVE_TIMEOUT_MILLIS = 1000;
    private static final long MAX_RETRY_DELAY_MILLIS = 30_000;

    private final transient Activation activation;
    private final int number;
    private final transient CountDownLatch finished = new CountDownLatch(1);
    private transient Session session;
    private transient MessageConsumer consumer;
    private transient MessageEndpoint endpoint;
    private volatile boolean started;

    DeliveryWorker(Activation activation, int number) {
        this.activation = activation;
        this.number = number;
    }

    /** Creates this worker's session and consumer; called at activation so configuration errors fail the deployment. */
    void open() throws JMSException {
        session = activation.createSession();
        consumer = activation.createConsumer(session);
    }

    @Override
    public void run() {
        started = true;
        long retryDelay = RECEIVE_TIMEOUT_MILLIS;
        try {
            while (activation.running()) {
                try {
                    if (consumer == null) {
                        open();
                    }
                    deliverOne();
                    retryDelay = RECEIVE_TIMEOUT_MILLIS;
                } catch (JMSException | ResourceException | RuntimeException e) {
                    if (!activation.running()) {
                        break;
                    }
                    long delay = retryDelay;
                    LOG.log(System.Logger.Level.WARNING, () -> java.text.MessageFormat.format(Problems.CONSUMER_BROKEN,
                            activation.describe(), delay), e);
                    reset();
                    activation.pause(retryDelay);
                    retryDelay = Math.min(retryDelay * 2, MAX_RETRY_DELAY_MILLIS);
                }
            }
        } finally {
            finished.countDown();
        }
    }

    private void deliverOne() throws JMSException, ResourceException {
        if (activation.transacted()) {
            deliverInTransaction();
        } else {
            deliverWithAcknowledge();
        }
    }

    private void deliverInTransaction() throws JMSException, ResourceException {
        // wait for a message before the container begins a transaction: an idle worker then begins none
        if (consumer instanceof TableMQMessageConsumer waiting && !waiting.awaitMessage(RECEIVE_TIMEOUT_MILLIS)) {
            return;
        }
        MessageEndpoint ep = endpoint();
        try {
            ep.beforeDelivery(Activation.ON_MESSAGE);
        } catch (NoSuchMethodException e) {
            throw new ResourceException("The endpoint of " + activation.describe() + " has no onMessage method", e);
        }
        try {
            Message message = consumer.receive(RECEIVE_TIMEOUT_MILLIS);
            if (message != null && !deadLettered(message)) {
                onMessage(ep, message);
            }
        } finally {
            ep.afterDelivery();   // commits or rolls back the container's transaction, our ack included
        }
    }

    private void deliverWithAcknowledge() throws JMSException, ResourceException {
        Message message = consumer.receive(RECEIVE_TIMEOUT_MILLIS);
        if (message == null) {
            return;
        }
        if (deadLettered(message) || onMessage(endpoint(), message)) {
            session.commit();
        } else {
            session.rollback();   // redelivered, counted as a failed attempt by the provider's redelivery policy
        }
    }

    /** Moves an exhausted message to the activation's dead letter queue, in the current transaction. */
    private boolean deadLettered(Message message) throws JMSException {
        DeadLetterRoute route = activation.deadLetters();
        if (route == null || !route.exhausted(message)) {
            return false;
        }
        route.move(session, message);
        LOG.log(System.Logger.Level.WARNING, Problems.DEAD_LETTERED, activation.describe(), route.queue(),
                route.maxAttempts());
        return true;
    }

    /** @return false if the bean threw (the delivery failed) */
    private boolean onMessage(MessageEndpoint ep, Message message) {
        try {
            ((MessageListener) ep).onMessage(message);
            return true;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> java.text.MessageFormat.format(Problems.DELIVERY_FAILED,
                    activation.describe()), e);
            return false;
        }
    }

    private MessageEndpoint endpoint() throws ResourceException {
        if (endpoint == null) {
            XAResource xa = activation.transacted() ? ((XASession) session).getXAResource() : null;
            endpoint = activation.endpointFactory().createEndpoint(xa);
        }
        return endpoint;
    }

    /** Drops the session (and endpoint) after a failure so the next round starts afresh. */
    private void reset() {
        Session s = session;
        session = null;
        consumer = null;
        if (s != null) {
            try {
                s.close();
            } catch (JMSException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "Closing a broken session of " + activation.describe(), e);
            }
        }
        releaseEndpoint();
    }

    /** Gives the endpoint (a bean instance) back to the container. */
    void releaseEndpoint() {
        MessageEndpoint ep = endpoint;
        endpoint = null;
        if (ep != null) {
            try {
                ep.release();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, () -> java.text.MessageFormat.format(Problems.ENDPOINT_RELEASE_FAILED,
                        activation.describe()), e);
            }
        }
    }

    /**
     * Waits until this worker has left its loop, or the deadline passes. A worker the WorkManager never started
     * counts as finished (it will see the activation stopped and return at once).
     *
     * @return true if it finished in time
     */
    boolean awaitFinished(long deadlineNanos) {
        if (!started) {
            return true;
        }
        try {
            return finished.await(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The WorkManager's stop request (e.g. server shutdown): the loop ends after the current delivery. */
    @Override
    public void release() {
        activation.halt();
    }

    /** Long-running hint: the worker holds its thread for the activation's life, so it must not take a short-task thread. */
    @Override
    public List<WorkContext> getWorkContexts() {
        HintsContext hints = new HintsContext();
        hints.setName("TableMQ delivery " + number + " on " + activation.describe());
        hints.setHint(HintsContext.LONGRUNNING_HINT, Boolean.TRUE);
        return List.of(hints);
    }
}
