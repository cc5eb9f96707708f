package org.tablemq.ra.inbound;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageListener;
import jakarta.jms.Session;
import jakarta.jms.XAConnectionFactory;
import jakarta.resource.NotSupportedException;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import jakarta.resource.spi.work.WorkException;
import jakarta.resource.spi.work.WorkManager;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.tablemq.jms.internal.Log;
import org.tablemq.ra.Problems;
import org.tablemq.ra.StoreConfig;

/**
 * One activated message-driven bean: a connection to its store and {@code maxSession} {@link DeliveryWorker}s on the
 * server's WorkManager, each with its own session and consumer. {@link #stop()} lets in-flight deliveries finish for at
 * most {@code deactivationTimeout}, then closes the connection: a delivery still running then loses its session, its
 * transaction rolls back and the message is redelivered later, so nothing is lost.
 */
public final class Activation {

    static final Method ON_MESSAGE;

    static {
        try {
            ON_MESSAGE = MessageListener.class.getMethod("onMessage", Message.class);
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private static final System.Logger LOG = Log.of(Activation.class);

    private final TableMQActivationSpec spec;
    private final MessageEndpointFactory endpointFactory;
    private final WorkManager workManager;
    private final StoreConfig adapterStore;
    private final List<DeliveryWorker> workers = new ArrayList<>();
    private volatile boolean running;
    private final java.util.concurrent.CountDownLatch stopSignal = new java.util.concurrent.CountDownLatch(1);
    private ActivationTarget target;
    private Connection connection;
    private boolean transacted;

    public Activation(TableMQActivationSpec spec, MessageEndpointFactory endpointFactory, WorkManager workManager,
                      StoreConfig adapterStore) {
        this.spec = spec;
        this.endpointFactory = endpointFactory;
        this.workManager = workManager;
        this.adapterStore = adapterStore;
    }

    /** Connects, creates every consumer (so a bad selector or a subscription in use fails the deployment) and schedules the workers. */
    public synchronized void start() throws ResourceException {
        target = ActivationTarget.resolve(spec, adapterStore);
        try {
            transacted = endpointFactory.isDeliveryTransacted(ON_MESSAGE);
        } catch (NoSuchMethodException e) {
            throw new NotSupportedException("The endpoint of " + target.describe() + " is not a jakarta.jms.MessageListener", e);
        }
        if (transacted && !(target.factory() instanceof XAConnectionFactory)) {
            throw new NotSupportedException("The endpoint of " + target.describe() + " needs transacted delivery, but the "
                    + "TableMQ provider in this RAR has no XAConnectionFactory");
        }
        running = true;
        try {
            connection = transacted ? ((XAConnectionFactory) target.factory()).createXAConnection()
                    : target.factory().createConnection();
            if (present(spec.getClientId())) {
                connection.setClientID(spec.getClientId());
            }
            int consumers = consumerCount();
            for (int i = 0; i < consumers; i++) {
                workers.add(new DeliveryWorker(this, i + 1));
            }
            for (DeliveryWorker worker : workers) {
                worker.open();
            }
            connection.start();
            for (DeliveryWorker worker : workers) {
                workManager.scheduleWork(worker);
            }
        } catch (JMSException | WorkException | RuntimeException e) {
            stop();
            throw new ResourceException("Cannot activate the endpoint of " + target.describe() + ": " + e.getMessage(), e);
        }
        LOG.log(System.Logger.Level.INFO, Problems.ACTIVATION_STARTED, target.describe(), workers.size(), transacted);
    }

    /** A topic subscription that is not shared can have one consumer only; a second would see every message again. */
    private int consumerCount() throws ResourceException {
        int max = spec.getMaxSession();
        if (target.topic() && !spec.getShareSubscriptions()) {
            if (max > 1) {
                LOG.log(System.Logger.Level.INFO, Problems.TOPIC_SINGLE_CONSUMER, target.describe(), max);
            }
            return 1;
        }
        return max;
    }

    /** Stops the workers, waits (bounded) for deliveries in flight, then closes the connection. Idempotent. */
    public void stop() {
        List<DeliveryWorker> toWait;
        Connection toClose;
        synchronized (this) {
            if (!running && connection == null) {
                return;
            }
            halt();
            toWait = List.copyOf(workers);
            toClose = connection;
            connection = null;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(spec.getDeactivationTimeout());
        long stillRunning = toWait.stream().filter(w -> !w.awaitFinished(deadline)).count();
        if (stillRunning > 0) {
            LOG.log(System.Logger.Level.WARNING, Problems.DEACTIVATION_TIMEOUT, target.describe(), stillRunning,
                    spec.getDeactivationTimeout());
        }
        if (toClose != null) {
            try {
                toClose.close();   // ends pending receives; a delivery still running loses its session and rolls back
            } catch (JMSException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, () -> java.text.MessageFormat.format(Problems.CLOSE_FAILED,
                        "the connection of the activation on " + target.describe()), e);
            }
        }
        toWait.forEach(DeliveryWorker::releaseEndpoint);
        LOG.log(System.Logger.Level.INFO, Problems.ACTIVATION_STOPPED, target.describe());
    }

    /** Tells the workers to leave their loop after the current delivery, without waiting for them. */
    void halt() {
        running = false;
        stopSignal.countDown();
    }

    /** Waits between reconnection attempts; returns early when the activation stops. */
    void pause(long millis) {
        try {
            stopSignal.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean running() {
        return running;
    }

    DeadLetterRoute deadLetters() {
        return target.deadLetters();
    }

    boolean transacted() {
        return transacted;
    }

    MessageEndpointFactory endpointFactory() {
        return endpointFactory;
    }

    String describe() {
        return target.describe();
    }

    /** A new session and consumer for one worker, as the activation properties say. */
    Session createSession() throws JMSException {
        Connection c = connection;
        if (c == null) {
            throw new jakarta.jms.IllegalStateException("The activation on " + target.describe() + " is stopped");
        }
        if (transacted) {
            return ((jakarta.jms.XAConnection) c).createXASession();
        }
        // bean-managed delivery, Auto- or Dups-ok-acknowledge: a local transaction per message acknowledges it once
        // onMessage returned (a failed delivery is redelivered) and moves a poison message atomically
        return c.createSession(true, Session.SESSION_TRANSACTED);
    }

    MessageConsumer createConsumer(Session session) throws JMSException {
        String selector = present(spec.getMessageSelector()) ? spec.getMessageSelector() : null;
        if (!target.topic()) {
            return session.createConsumer(session.createQueue(target.destination()), selector);
        }
        jakarta.jms.Topic topic = session.createTopic(target.destination());
        boolean durable = spec.durableSubscription();
        String name = spec.getSubscriptionName();
        if (spec.getShareSubscriptions()) {
            return durable ? session.createSharedDurableConsumer(topic, name, selector)
                    : session.createSharedConsumer(topic, name, selector);
        }
        return durable ? session.createDurableConsumer(topic, name, selector, false)
                : session.createConsumer(topic, selector);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
