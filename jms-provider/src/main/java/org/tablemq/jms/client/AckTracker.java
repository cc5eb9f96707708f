package org.tablemq.jms.client;

import jakarta.jms.JMSException;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.store.ClaimLostException;
import org.tablemq.jms.store.Release;
import org.tablemq.jms.tx.Delivery;
import org.tablemq.jms.tx.RedeliveryPolicy;
import org.tablemq.jms.tx.StoreGateway;
import org.tablemq.jms.tx.TransactionContext;

/**
 * Decides <em>when</em> a session's delivered messages are acknowledged, by acknowledge mode; the
 * {@link TransactionContext} decides <em>how</em> (at once, or with the transaction).
 * <ul>
 *   <li>AUTO and transacted: each message once receive() or onMessage() returned (transacted: or once onMessage
 *   commits or rolls back the session, whose transaction it then belongs to);</li>
 *   <li>DUPS_OK: in batches (a duplicate after a crash is allowed);</li>
 *   <li>CLIENT: everything the session delivered, when the application calls {@code Message.acknowledge()}.</li>
 * </ul>
 * A delivery that failed (recover, a listener that threw in AUTO/DUPS_OK mode) goes back through the
 * {@link RedeliveryPolicy}.
 */
final class AckTracker {

    private static final System.Logger LOG = Log.of(AckTracker.class);

    private final int mode;
    private final TransactionContext tx;
    private final StoreGateway store;
    private final RedeliveryPolicy policy;
    private final int lazyBatch;
    private final List<Delivery> unacked = new ArrayList<>();
    private Delivery inFlight;
    private boolean inFlightSettled;

    AckTracker(int mode, TransactionContext tx, StoreGateway store, RedeliveryPolicy policy, int lazyBatch) {
        this.mode = mode;
        this.tx = tx;
        this.store = store;
        this.policy = policy;
        this.lazyBatch = Math.max(1, lazyBatch);
    }

    /** A message is being handed to the application (receive returning or onMessage about to run). */
    synchronized void delivering(Delivery d) {
        inFlight = d;
        inFlightSettled = false;
        if (mode == Session.CLIENT_ACKNOWLEDGE) {
            unacked.add(d);
        }
    }

    /**
     * receive() is returning the message or onMessage() returned normally.
     *
     * @return false if, in AUTO_ACKNOWLEDGE mode, the acknowledgement found the message's claim lost: another
     *         consumer had taken the message meanwhile, so receive() must not hand it over (it is theirs)
     */
    boolean delivered(Delivery d) throws JMSException {
        List<Delivery> now = null;
        synchronized (this) {
            boolean settled = inFlight == d && inFlightSettled;
            inFlight = null;
            if (settled) {
                return true;
            }
            switch (mode) {
                case Session.CLIENT_ACKNOWLEDGE -> {
                    return true;
                }
                case Session.DUPS_OK_ACKNOWLEDGE -> {
                    unacked.add(d);
                    if (unacked.size() >= lazyBatch) {
                        now = drain();
                    }
                }
                default -> now = List.of(d);
            }
        }
        if (now != null) {
            try {
                tx.acknowledge(now);
            } catch (JMSException e) {
                if (mode == Session.AUTO_ACKNOWLEDGE && e.getCause() instanceof ClaimLostException) {
                    return false;
                }
                throw e;
            }
        }
        return true;
    }

    /**
     * onMessage() threw: redeliver in AUTO/DUPS_OK mode; in CLIENT and transacted mode the message counts as delivered.
     *
     * @return whether the message was given back to be delivered again at once (no redelivery delay, not
     *         dead-lettered): the spec's "immediately redelivered", which the consumer's prefetched messages must
     *         then not overtake
     */
    boolean listenerFailed(Delivery d) throws JMSException {
        synchronized (this) {
            boolean settled = inFlight == d && inFlightSettled;
            inFlight = null;
            if (settled || mode == Session.CLIENT_ACKNOWLEDGE) {
                return false;
            }
            if (mode == Session.SESSION_TRANSACTED) {
                // The spec: a RuntimeException does not roll back a transacted session; the message is part of it.
                tx.acknowledge(List.of(d));
                return false;
            }
        }
        Release r = release(List.of(d), "redeliver a message whose listener failed").get(0);
        return r.deadLetter() == null && r.redeliverAt() == 0;
    }

    /** Message.acknowledge() in CLIENT mode: everything the session delivered so far. */
    void acknowledgeAll() throws JMSException {
        List<Delivery> all;
        synchronized (this) {
            if (mode != Session.CLIENT_ACKNOWLEDGE) {
                return;
            }
            all = drain();
        }
        try {
            tx.acknowledge(all);
        } catch (JMSException e) {
            // Not applied: still unacknowledged, so a later acknowledge(), recover() or close() settles them.
            synchronized (this) {
                unacked.addAll(0, all);
            }
            throw e;
        }
    }

    /** Sends DUPS_OK acknowledgements that are waiting for a batch (before blocking, and at close). */
    void flushLazy() {
        List<Delivery> pending;
        synchronized (this) {
            if (mode != Session.DUPS_OK_ACKNOWLEDGE || unacked.isEmpty()) {
                return;
            }
            pending = drain();
        }
        try {
            tx.acknowledge(pending);
        } catch (JMSException e) {
            // Lazy acks are allowed to fail: the messages come back as duplicates, which DUPS_OK accepts. They are
            // given back at once (or by the store once the database answers), not left claimed.
            try {
                release(pending, "redeliver messages whose lazy acknowledgement failed");
            } catch (JMSException again) {
                e.addSuppressed(again);
            }
            LOG.log(System.Logger.Level.WARNING, () -> "Could not acknowledge " + pending.size()
                    + " DUPS_OK message(s); they will be redelivered: " + e.getMessage());
        }
    }

    /**
     * Commit or rollback of a transacted session while a listener runs, that is from its onMessage: the message it
     * is handling belongs to this transaction, so it joins it now (committed, or given back counted as delivered)
     * instead of being acknowledged into the next one when onMessage returns.
     */
    void joinTransaction() throws JMSException {
        Delivery d;
        synchronized (this) {
            if (mode != Session.SESSION_TRANSACTED || inFlight == null || inFlightSettled) {
                return;
            }
            d = inFlight;
            inFlightSettled = true;
        }
        tx.acknowledge(List.of(d));
    }

    /** Session.recover(): every delivered, unacknowledged message is delivered again. */
    void recover() throws JMSException {
        List<Delivery> back;
        synchronized (this) {
            back = mode == Session.CLIENT_ACKNOWLEDGE ? drain() : new ArrayList<>();
            if (inFlight != null && !inFlightSettled && mode != Session.CLIENT_ACKNOWLEDGE) {
                back.add(inFlight);
                inFlightSettled = true;
            } else if (inFlight != null) {
                inFlightSettled = true;
            }
        }
        flushLazy();
        release(back, "recover");
    }

    /** The session closes: lazy acks are sent, unacknowledged CLIENT messages become deliverable again. */
    void close() throws JMSException {
        flushLazy();
        List<Delivery> back;
        synchronized (this) {
            back = mode == Session.CLIENT_ACKNOWLEDGE ? drain() : List.of();
        }
        release(back, "release unacknowledged messages at close");
    }

    private List<Delivery> drain() {
        List<Delivery> out = new ArrayList<>(unacked);
        unacked.clear();
        return out;
    }

    private List<Release> release(List<Delivery> deliveries, String what) throws JMSException {
        if (deliveries.isEmpty()) {
            return List.of();
        }
        long now = System.currentTimeMillis();
        List<Release> releases = deliveries.stream().map(d -> policy.onFailure(d, now)).toList();
        releases.stream().filter(r -> r.deadLetter() != null).forEach(r -> LOG.log(System.Logger.Level.WARNING,
                () -> "Dead-lettering message " + r.messageId() + " to '" + r.deadLetter().queue() + "': " + r.deadLetter().reason()));
        store.run(what + " (" + deliveries.size() + " message(s) from " + deliveries.get(0).source() + ")",
                s -> s.release(releases));
        return releases;
    }
}
