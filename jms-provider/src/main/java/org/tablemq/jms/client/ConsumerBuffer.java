package org.tablemq.jms.client;

import jakarta.jms.JMSException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.store.ArrivalSignal;
import org.tablemq.jms.store.ClaimRequest;
import org.tablemq.jms.store.Endpoint;
import org.tablemq.jms.store.Release;
import org.tablemq.jms.store.StoredMessage;
import org.tablemq.jms.tx.Delivery;
import org.tablemq.jms.tx.RedeliveryPolicy;
import org.tablemq.jms.tx.StoreGateway;

/**
 * A consumer's prefetch window: claims messages ahead of the application, hands them out one by one, and
 * releases the ones never handed out when the consumer closes (or the session recovers or rolls back). When
 * nothing is deliverable it waits on the store's {@link ArrivalSignal}, never by sleeping.
 * <p>
 * The window adapts: it starts at {@value #FIRST_WINDOW} messages (or {@code prefetch} if smaller), doubles
 * while each claim comes back full, which means a backlog, up to {@code prefetch}, and drops back as soon as a
 * claim finds fewer. Draining a backlog thus costs one claim per large window, while consumers of a short queue
 * share its messages and a later high-priority message waits behind few others.
 * <p>
 * A prefetched message is handed over only while the store says this node still {@link
 * org.tablemq.jms.store.MessageStore#holds holds} its claim. After a stall longer than the lease (a frozen JVM,
 * a long GC, a database that could not be reached) another node may have taken and consumed it: such messages,
 * and any others in the window whose claim ran out, are given back by their exact claim and claimed afresh.
 */
final class ConsumerBuffer {

    private static final System.Logger LOG = Log.of(ConsumerBuffer.class);

    private final StoreGateway store;
    private final Endpoint endpoint;
    private final String destinationName;
    private final String consumerId;
    private final int prefetch;
    private final Predicate<StoredMessage> filter;
    private final RedeliveryPolicy policy;
    private final StartGate gate;
    private final Runnable beforeWait;
    private static final int FIRST_WINDOW = 10;

    private final Deque<StoredMessage> window = new ArrayDeque<>();
    private int claimSize;
    private volatile boolean closed;

    /**
     * @param filter     the queue consumer's selector, null for none (topic subscriptions are filtered at publish time)
     * @param beforeWait run before blocking (flushes lazy acknowledgements)
     */
    ConsumerBuffer(StoreGateway store, Endpoint endpoint, String destinationName, String consumerId, int prefetch,
                   Predicate<StoredMessage> filter, RedeliveryPolicy policy, StartGate gate, Runnable beforeWait) {
        this.store = store;
        this.endpoint = endpoint;
        this.destinationName = destinationName;
        this.consumerId = consumerId;
        this.prefetch = prefetch;
        this.claimSize = Math.min(FIRST_WINDOW, prefetch);
        this.filter = filter;
        this.policy = policy;
        this.gate = gate;
        this.beforeWait = beforeWait;
    }

    Endpoint endpoint() {
        return endpoint;
    }

    /**
     * The next message for the application.
     *
     * @param timeoutNanos negative: wait until one comes or the consumer closes; 0: do not wait
     * @return the message, or null on timeout or close
     */
    StoredMessage next(long timeoutNanos) throws JMSException, InterruptedException {
        return next(timeoutNanos, () -> false);
    }

    /**
     * As {@link #next(long)}, also returning null once {@code cancelled} says so (checked after each {@link #wake}).
     */
    StoredMessage next(long timeoutNanos, BooleanSupplier cancelled) throws JMSException, InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        ArrivalSignal arrivals = store.store().arrivals();
        // A new message wakes one waiter, not all: woken, this consumer owes the others the news until it has
        // looked for the message in the store, and passes it on if it leaves (or stops) before that.
        boolean owesWakeUp = false;
        BooleanSupplier leaving = () -> closed || cancelled.getAsBoolean();
        try {
            while (true) {
                // The version is read before the closed/cancelled check: a close() or cancel that comes after the
                // check bumps it, so the wait below returns at once instead of missing the wake-up for good.
                long seen = arrivals.version(endpoint.id());
                if (leaving.getAsBoolean()) {
                    return null;
                }
                long left = timeoutNanos < 0 ? -1 : Math.max(0, deadline - System.nanoTime());
                if (!gate.isOpen()) {
                    if (owesWakeUp) {
                        arrivals.wakeAll(endpoint.id());
                        owesWakeUp = false;
                    }
                    // A stopped connection delivers nothing; keep what is prefetched for when it starts again.
                    if (!gate.awaitOpen(left, leaving) && timeoutNanos >= 0 && deadline - System.nanoTime() <= 0) {
                        return null;
                    }
                    continue;
                }
                StoredMessage m = takeDeliverable();
                if (m != null) {
                    return m;
                }
                boolean claimed = claim();
                owesWakeUp = false;
                if (claimed) {
                    continue;
                }
                if (timeoutNanos == 0 || (timeoutNanos > 0 && left == 0)) {
                    return null;
                }
                beforeWait.run();
                owesWakeUp = arrivals.await(endpoint.id(), seen, timeoutNanos < 0 ? Long.MAX_VALUE : left, filter != null);
            }
        } finally {
            if (owesWakeUp) {
                arrivals.wakeAll(endpoint.id());
            }
        }
    }

    /**
     * Puts back a message taken but not delivered (the connection stopped meanwhile, or the consumer only waited for
     * it); it comes out next.
     */
    synchronized void pushBack(StoredMessage m) {
        window.addFirst(m);
    }

    /** Gives every prefetched, never-delivered message back to the store. */
    void releaseUndelivered() throws JMSException {
        List<StoredMessage> undelivered;
        synchronized (this) {
            undelivered = new ArrayList<>(window);
            window.clear();
        }
        if (!undelivered.isEmpty()) {
            store.run("release " + undelivered.size() + " prefetched message(s) of " + endpoint,
                    s -> s.releaseUndelivered(undelivered));
        }
    }

    /** Wakes the waiting thread so it re-checks whether it was cancelled. */
    void wake() {
        store.store().arrivals().wakeAll(endpoint.id());
        gate.wakeAll();
    }

    /** Stops waiting for good; prefetched messages must then be released with {@link #releaseUndelivered}. */
    void close() {
        closed = true;
        wake();
    }

    private boolean claim() throws JMSException {
        int ask = claimSize;
        List<StoredMessage> got = store.call("receive from " + endpoint,
                s -> s.claim(new ClaimRequest(endpoint, consumerId, ask, filter)));
        claimSize = got.size() == ask ? Math.min(prefetch, ask * 2) : Math.min(FIRST_WINDOW, prefetch);
        if (got.isEmpty()) {
            return false;
        }
        synchronized (this) {
            window.addAll(got);
        }
        return true;
    }

    /**
     * {@code first}'s claim ran out before it could be handed over, and so, most likely, did the claims of the rest of
     * its window: all of those go back (each only if still this node's under that claim) and are never delivered.
     */
    private void giveBackUnheld(StoredMessage first) throws JMSException {
        List<StoredMessage> unheld = new ArrayList<>();
        unheld.add(first);
        synchronized (this) {
            for (var it = window.iterator(); it.hasNext(); ) {
                StoredMessage m = it.next();
                if (!store.store().holds(m)) {
                    unheld.add(m);
                    it.remove();
                }
            }
        }
        LOG.log(System.Logger.Level.WARNING, () -> "TMQ-2031 " + unheld.size() + " prefetched message(s) of " + endpoint
                + " not delivered: this node no longer surely holds their claim (it stalled or could not renew its"
                + " leases for longer than the lease), so another node may have taken them; giving them back");
        store.run("give back " + unheld.size() + " message(s) of " + endpoint + " whose lease ran out",
                s -> s.releaseUndelivered(unheld));
    }

    /** The next prefetched message that may be delivered; expired and exhausted ones are dealt with on the way. */
    private StoredMessage takeDeliverable() throws JMSException {
        while (true) {
            StoredMessage m;
            synchronized (this) {
                m = window.pollFirst();
            }
            if (m == null) {
                return null;
            }
            if (!store.store().holds(m)) {
                giveBackUnheld(m);
                continue;
            }
            if (m.expiration() != 0 && m.expiration() <= System.currentTimeMillis()) {
                // Expired while prefetched: never deliver it; the store removes expired messages when they are claimed.
                store.run("release expired message of " + endpoint, s -> s.releaseUndelivered(List.of(m)));
                continue;
            }
            if (policy.exhausted(m.deliveryCount(), m.deadLetterReason() != null)) {
                Release r = policy.deadLetterExhausted(new Delivery(m.id(), m.deliveryCount(), destinationName,
                        endpoint.description(), false));
                LOG.log(System.Logger.Level.WARNING, () -> "Dead-lettering message " + m.id() + " to '"
                        + r.deadLetter().queue() + "': " + r.deadLetter().reason());
                store.run("dead-letter message of " + endpoint, s -> s.release(List.of(r)));
                continue;
            }
            return m;
        }
    }
}
