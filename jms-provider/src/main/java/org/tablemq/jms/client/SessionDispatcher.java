package org.tablemq.jms.client;

import jakarta.jms.JMSException;
import jakarta.jms.MessageListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.store.StoredMessage;

/**
 * Asynchronous delivery for one session. Each consumer with a MessageListener has a thread that waits for its
 * messages; the threads deliver under one session-wide lock, so a session's listeners run one at a time, as the
 * spec's "session is single-threaded" rule requires. Stopping the connection waits on the same lock for the
 * running listener to return.
 */
final class SessionDispatcher {

    private static final System.Logger LOG = Log.of(SessionDispatcher.class);

    private final TableMQSession session;
    private final ReentrantLock deliveryLock = new ReentrantLock();
    private final Map<TableMQMessageConsumer, Pump> pumps = new ConcurrentHashMap<>();

    SessionDispatcher(TableMQSession session) {
        this.session = session;
    }

    boolean hasListeners() {
        return !pumps.isEmpty();
    }

    /** Starts (or replaces) asynchronous delivery to {@code listener} for {@code consumer}. */
    void listen(TableMQMessageConsumer consumer, MessageListener listener) {
        Pump old = pumps.remove(consumer);
        if (old != null) {
            old.stopAndWait();
        }
        Pump pump = new Pump(consumer, listener);
        pumps.put(consumer, pump);
        pump.thread.start();
    }

    /** Ends asynchronous delivery for {@code consumer}; waits for its running listener unless called from it. */
    void unlisten(TableMQMessageConsumer consumer) {
        Pump pump = pumps.remove(consumer);
        if (pump != null) {
            pump.stopAndWait();
        }
    }

    /** Returns once no listener of this session is running (new deliveries see the stopped connection). */
    void awaitIdle() {
        if (deliveryLock.isHeldByCurrentThread()) {
            return;
        }
        deliveryLock.lock();
        deliveryLock.unlock();
    }

    /** Runs {@code work} while no listener of this session runs (e.g. recover or rollback from another thread). */
    void exclusive(Runnable work) {
        deliveryLock.lock();
        try {
            work.run();
        } finally {
            deliveryLock.unlock();
        }
    }

    void closeAll() {
        for (TableMQMessageConsumer c : pumps.keySet()) {
            unlisten(c);
        }
    }

    /** The thread of one listening consumer. */
    private final class Pump implements Runnable {
        private final TableMQMessageConsumer consumer;
        private final MessageListener listener;
        private final Thread thread;
        private volatile boolean running = true;

        Pump(TableMQMessageConsumer consumer, MessageListener listener) {
            this.consumer = consumer;
            this.listener = listener;
            this.thread = new Thread(this, "tablemq-listener-" + consumer.description());
            this.thread.setDaemon(true);
        }

        @Override
        public void run() {
            ConsumerBuffer buffer = consumer.buffer();
            while (running) {
                StoredMessage m;
                try {
                    m = buffer.next(-1, () -> !running);
                } catch (InterruptedException e) {
                    return;
                } catch (JMSException e) {
                    session.connection().reportFailure(e);
                    if (!consumer.waitAfterFailure()) {
                        return;
                    }
                    continue;
                }
                if (m == null) {
                    continue;
                }
                deliveryLock.lock();
                try {
                    if (!running || !session.connection().isStarted()) {
                        // stop() or setMessageListener(null) came in between: keep the message for later.
                        buffer.pushBack(m);
                        continue;
                    }
                    session.handover().toListener(consumer, m, listener);
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, "Unexpected failure delivering to " + consumer.description(), e);
                } finally {
                    deliveryLock.unlock();
                }
            }
        }

        void stopAndWait() {
            running = false;
            consumer.buffer().wake();
            if (Thread.currentThread() != thread) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
