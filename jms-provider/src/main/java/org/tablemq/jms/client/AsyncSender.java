package org.tablemq.jms.client;

import jakarta.jms.CompletionListener;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.tablemq.jms.internal.JmsErrors;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.store.OutgoingMessage;

/**
 * Asynchronous sends of one session: performed in order on one thread of their own, each followed by its
 * CompletionListener callback on that thread (never on the caller's), so callbacks come in send order. Session
 * close waits for the outstanding ones.
 */
final class AsyncSender {

    private static final System.Logger LOG = Log.of(AsyncSender.class);

    private final TableMQSession session;
    private final SendPath path;
    private ExecutorService executor;

    AsyncSender(TableMQSession session, SendPath path) {
        this.session = session;
        this.path = path;
    }

    synchronized void submit(OutgoingMessage prepared, Message message, CompletionListener listener) {
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "tablemq-async-send-" + session.description());
                t.setDaemon(true);
                return t;
            });
        }
        executor.execute(() -> sendAndCallBack(prepared, message, listener));
    }

    /**
     * A synchronous send: direct when no asynchronous send is outstanding, otherwise queued behind them so the
     * session's messages keep their order.
     */
    void sendInOrder(OutgoingMessage prepared) throws JMSException {
        ExecutorService e;
        synchronized (this) {
            e = executor;
        }
        if (e == null || CallbackGuard.inCompletionOf(session)) {
            path.send(prepared);
            return;
        }
        Future<?> f = e.submit(() -> {
            path.send(prepared);
            return null;
        });
        try {
            f.get();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw JmsErrors.create("Interrupted while sending to " + prepared.destination(), ie);
        } catch (ExecutionException ee) {
            if (ee.getCause() instanceof JMSException j) {
                throw j;
            }
            throw JmsErrors.create("Send to " + prepared.destination() + " failed: " + ee.getCause(), ee.getCause());
        }
    }

    /** Waits until every asynchronous send made so far is done and called back (commit and rollback need it). */
    void awaitOutstanding() throws JMSException {
        ExecutorService e;
        synchronized (this) {
            e = executor;
        }
        if (e == null || CallbackGuard.inCompletionOf(session)) {
            return;
        }
        try {
            e.submit(() -> { }).get();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw JmsErrors.create("Interrupted while waiting for asynchronous sends of "
                    + session.description(), ie);
        } catch (ExecutionException ee) {
            throw JmsErrors.create("Waiting for asynchronous sends of " + session.description()
                    + " failed: " + ee.getCause(), ee.getCause());
        }
    }

    private void sendAndCallBack(OutgoingMessage prepared, Message message, CompletionListener listener) {
        JMSException failure = null;
        try {
            path.send(prepared);
        } catch (JMSException e) {
            failure = e;
        } catch (RuntimeException e) {
            failure = JmsErrors.create("Asynchronous send to " + prepared.destination() + " failed: " + e, e);
        }
        CallbackGuard.enterCompletion(session);
        try {
            if (failure == null) {
                listener.onCompletion(message);
            } else {
                listener.onException(message, failure);
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "CompletionListener of " + session.description() + " threw", e);
        } finally {
            CallbackGuard.exitCompletion();
        }
    }

    /** Waits for every outstanding send and its callback, then stops the thread. */
    void close() {
        ExecutorService e;
        synchronized (this) {
            e = executor;
            executor = null;
        }
        if (e == null) {
            return;
        }
        e.shutdown();
        try {
            while (!e.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, () -> "Still waiting for asynchronous sends of " + session.description());
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }
}
