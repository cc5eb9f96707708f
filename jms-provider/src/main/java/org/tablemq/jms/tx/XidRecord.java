package org.tablemq.jms.tx;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import jakarta.jms.JMSException;
import org.tablemq.jms.store.Release;
import org.tablemq.jms.store.OutgoingMessage;
import org.tablemq.jms.store.UnitOfWork;
import org.tablemq.jms.store.XidKey;

/**
 * One XA transaction branch as this JVM knows it, from {@code start} until its decision: its state, the
 * sessions associated with it (active or suspended), and the sends and acknowledgements buffered for it.
 * Guarded by the lock of its {@link BranchTable}; never shared outside the tx package.
 */
final class XidRecord {

    /** Where the branch is in the XA state table (associations are tracked apart, see {@link #isAssociated()}). */
    enum State {
        /** Started and not yet prepared or decided: work may be added while a session is associated. */
        OPEN,
        /** A prepare, commit or rollback is talking to the store; any other call is a protocol error. */
        COMPLETING,
        /** Durable in the store, waiting for the decision. */
        PREPARED,
        /** Rolled back by TableMQ itself when its timeout expired; kept so the TM learns XA_RBTIMEOUT. */
        TIMED_OUT
    }

    final XidKey xid;
    final int timeoutSeconds;
    /** The store door and redelivery policy of the session that started the branch (to give messages back). */
    final StoreGateway gateway;
    final RedeliveryPolicy policy;
    State state = State.OPEN;
    /** 0, or the XA_RB* code the branch must end with (TMFAIL, timeout). */
    int rollbackCode;
    String rollbackReason;
    /** A prepare reached the store but its outcome is unknown (the store failed): rollback must also ask the store. */
    boolean prepareAttempted;
    final Set<XATransactionContext> active = new HashSet<>();
    final Set<XATransactionContext> suspended = new HashSet<>();
    final List<OutgoingMessage> sends = new ArrayList<>();
    final List<Delivery> acks = new ArrayList<>();
    ScheduledFuture<?> timer;

    XidRecord(XidKey xid, int timeoutSeconds, StoreGateway gateway, RedeliveryPolicy policy) {
        this.xid = xid;
        this.timeoutSeconds = timeoutSeconds;
        this.gateway = gateway;
        this.policy = policy;
    }

    boolean isAssociated() {
        return !active.isEmpty() || !suspended.isEmpty();
    }

    boolean isRollbackOnly() {
        return rollbackCode != 0;
    }

    void markRollbackOnly(int code, String reason) {
        if (rollbackCode == 0) {
            rollbackCode = code;
            rollbackReason = reason;
        }
    }

    UnitOfWork work() {
        return new UnitOfWork(sends, acks.stream().map(Delivery::messageId).toList(), List.of());
    }

    boolean hasWork() {
        return !sends.isEmpty() || !acks.isEmpty();
    }

    /** Takes the consumed messages out of the branch (to give them back); the sends are dropped. */
    List<Delivery> discardWork() {
        List<Delivery> consumed = new ArrayList<>(acks);
        acks.clear();
        sends.clear();
        return consumed;
    }

    /**
     * Gives consumed messages back through the redelivery policy, so they come again with JMSRedelivered=true and
     * an incremented JMSXDeliveryCount (or reach the dead letter queue). Called outside the table's lock.
     */
    void giveBack(List<Delivery> consumed) throws JMSException {
        if (consumed.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        List<Release> releases = consumed.stream().map(d -> policy.onFailure(d, now)).toList();
        gateway.run("give back " + consumed.size() + " message(s) consumed in rolled back " + xid, s -> s.release(releases));
    }

    void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    String describe() {
        return "XA branch " + xid + " (" + state.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + ", " + sends.size() + " send(s), " + acks.size() + " ack(s)"
                + (rollbackReason == null ? "" : ", rollback-only: " + rollbackReason) + ")";
    }

    @Override
    public String toString() {
        return describe();
    }
}
