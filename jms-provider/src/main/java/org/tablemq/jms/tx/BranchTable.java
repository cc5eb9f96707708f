package org.tablemq.jms.tx;

import jakarta.jms.JMSException;
import jakarta.jms.TransactionRolledBackException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.store.MessageStore;
import org.tablemq.jms.store.OutgoingMessage;
import org.tablemq.jms.store.XidKey;

/**
 * The XA branches of one store (one resource manager) in this JVM that are not decided yet: every
 * {@link TableMQXAResource} on the same store shares this table, which is what makes {@code TMJOIN} across
 * sessions and {@code isSameRM} work. Its lock guards every {@link XidRecord}; store calls are never made under it.
 * <p>
 * Also the timeout watch: a branch that is not prepared when its timeout expires is rolled back by TableMQ (its
 * consumed messages given back, its sends dropped) and answers XA_RBTIMEOUT from then on.
 */
final class BranchTable {

    private static final System.Logger LOG = Log.of(BranchTable.class);
    private static final Map<MessageStore, BranchTable> TABLES = new WeakHashMap<>();
    /** How long a timed-out branch is remembered for a transaction manager that comes back late. */
    private static final long TOMBSTONE_SECONDS = 600;
    private static final ScheduledThreadPoolExecutor TIMEOUTS = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "tablemq-xa-timeouts");
        t.setDaemon(true);
        return t;
    });

    static {
        TIMEOUTS.setRemoveOnCancelPolicy(true);
    }

    private final Map<XidKey, XidRecord> branches = new HashMap<>();

    private BranchTable() {
    }

    /** The table of a store: the same object for every XAResource on that store instance. */
    static BranchTable of(MessageStore store) {
        synchronized (TABLES) {
            return TABLES.computeIfAbsent(store, s -> new BranchTable());
        }
    }

    synchronized XidRecord find(XidKey xid) {
        return branches.get(xid);
    }

    /** Associates {@code ctx} with a branch as {@code start} with TMNOFLAGS, TMJOIN or TMRESUME asks. */
    synchronized XidRecord associate(XATransactionContext ctx, XidKey xid, int flags, int timeoutSeconds,
                                     StoreGateway gateway, RedeliveryPolicy policy) throws XAException {
        XidRecord current = ctx.currentBranch();
        if (current != null) {
            throw XaErrors.of(XAException.XAER_PROTO, "Cannot start " + xid + " on " + ctx.owner()
                    + ": it is still associated with " + current.xid + " (call end first)");
        }
        XidRecord r = branches.get(xid);
        if (flags == XAResource.TMNOFLAGS) {
            if (r != null) {
                throw XaErrors.of(XAException.XAER_DUPID, "Cannot start " + xid + " with TMNOFLAGS: " + r.describe()
                        + " already exists (use TMJOIN or TMRESUME)");
            }
            r = new XidRecord(xid, timeoutSeconds, gateway, policy);
            branches.put(xid, r);
            watch(r);
        } else {
            String flag = flags == XAResource.TMJOIN ? "TMJOIN" : "TMRESUME";
            if (r == null) {
                throw XaErrors.of(XAException.XAER_NOTA, "Cannot start " + xid + " with " + flag + ": no such branch is active");
            }
            if (r.state != XidRecord.State.OPEN) {
                throw XaErrors.of(r.state == XidRecord.State.TIMED_OUT ? XAException.XA_RBTIMEOUT : XAException.XAER_PROTO,
                        "Cannot start " + xid + " with " + flag + ": it is " + r.describe());
            }
            if (flags == XAResource.TMRESUME && !r.suspended.remove(ctx)) {
                throw XaErrors.of(XAException.XAER_PROTO, "Cannot resume " + xid + " on " + ctx.owner()
                        + ": this session did not suspend it");
            }
            if (flags == XAResource.TMJOIN && (r.active.contains(ctx) || r.suspended.contains(ctx))) {
                throw XaErrors.of(XAException.XAER_PROTO, "Cannot join " + xid + " on " + ctx.owner()
                        + ": this session is already associated with it (use TMRESUME after TMSUSPEND)");
            }
            if (r.isRollbackOnly()) {
                if (flags == XAResource.TMRESUME) {
                    r.suspended.add(ctx); // still suspended: the TM ends the association with TMFAIL or TMSUCCESS
                }
                throw XaErrors.of(r.rollbackCode, "Cannot start " + xid + " with " + flag + ": it can only roll back, "
                        + r.rollbackReason);
            }
        }
        r.active.add(ctx);
        ctx.associate(r);
        return r;
    }

    /** Ends the association of {@code ctx} with a branch as {@code end} with TMSUCCESS, TMFAIL or TMSUSPEND asks. */
    synchronized void dissociate(XATransactionContext ctx, XidKey xid, int flags) throws XAException {
        XidRecord r = branches.get(xid);
        if (r == null) {
            throw XaErrors.of(XAException.XAER_NOTA, "Cannot end " + xid + " on " + ctx.owner() + ": no such branch is active");
        }
        boolean active = r.active.contains(ctx);
        boolean suspended = r.suspended.contains(ctx);
        if (!active && !suspended || suspended && flags == XAResource.TMSUSPEND) {
            throw XaErrors.of(XAException.XAER_PROTO, "Cannot end " + xid + " on " + ctx.owner() + " with "
                    + endFlag(flags) + ": the session is " + (suspended ? "suspended from it already" : "not associated with it"));
        }
        int earlierRollback = r.rollbackCode;
        if (active) {
            r.active.remove(ctx);
            ctx.dissociate(r);
        }
        if (flags == XAResource.TMSUSPEND) {
            r.suspended.add(ctx);
        } else {
            r.suspended.remove(ctx);
            if (flags == XAResource.TMFAIL) {
                r.markRollbackOnly(XAException.XA_RBROLLBACK, "ended with TMFAIL by " + ctx.owner());
            }
        }
        if (r.state == XidRecord.State.TIMED_OUT && !r.isAssociated()) {
            branches.remove(xid);
        }
        if (earlierRollback != 0) {
            // The association is over all the same; the code tells the TM the branch can only roll back.
            throw XaErrors.of(earlierRollback, "Ended " + xid + " on " + ctx.owner() + ", but it is rolled back: " + r.rollbackReason);
        }
    }

    /** Adds sends to the branch a session is associated with; refused once TableMQ rolled the branch back. */
    synchronized void addSends(XidRecord r, List<OutgoingMessage> messages) throws JMSException {
        checkUsable(r, "send");
        r.sends.addAll(messages);
    }

    synchronized void addAcks(XidRecord r, List<Delivery> deliveries) throws JMSException {
        checkUsable(r, "acknowledge");
        r.acks.addAll(deliveries);
    }

    private void checkUsable(XidRecord r, String what) throws TransactionRolledBackException {
        if (r.rollbackCode == XAException.XA_RBTIMEOUT) {
            throw new TransactionRolledBackException("Cannot " + what + " in " + r.xid + ": " + r.rollbackReason);
        }
    }

    /** Removes a decided branch. */
    synchronized void remove(XidRecord r) {
        r.cancelTimer();
        branches.remove(r.xid, r);
    }

    private static String endFlag(int flags) {
        return switch (flags) {
            case XAResource.TMSUCCESS -> "TMSUCCESS";
            case XAResource.TMFAIL -> "TMFAIL";
            default -> "TMSUSPEND";
        };
    }

    // ---- timeouts

    private void watch(XidRecord r) {
        if (r.timeoutSeconds > 0) {
            r.timer = TIMEOUTS.schedule(() -> expire(r), r.timeoutSeconds, TimeUnit.SECONDS);
        }
    }

    /** The timeout of a branch expired before its prepare: roll it back here, so an abandoned branch holds nothing. */
    private void expire(XidRecord r) {
        List<Delivery> consumed;
        synchronized (this) {
            if (branches.get(r.xid) != r || r.state != XidRecord.State.OPEN) {
                return;
            }
            r.timer = null;
            r.markRollbackOnly(XAException.XA_RBTIMEOUT, "its transaction timeout of " + r.timeoutSeconds
                    + " s expired before prepare, so TableMQ rolled it back");
            consumed = r.discardWork();
            if (!r.isAssociated()) {
                r.state = XidRecord.State.TIMED_OUT;
                TIMEOUTS.schedule(() -> forgetTimedOut(r), TOMBSTONE_SECONDS, TimeUnit.SECONDS);
            }
        }
        LOG.log(System.Logger.Level.WARNING, () -> "TMQ-2040 Rolling back " + r.describe() + " and giving back " + consumed.size()
                + " consumed message(s): its timeout of " + r.timeoutSeconds + " s expired before prepare");
        try {
            r.giveBack(consumed);
        } catch (JMSException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "TMQ-2041 Could not give back the messages of timed-out " + r.xid
                    + "; they come back when their leases expire: " + e.getMessage());
        }
    }

    private synchronized void forgetTimedOut(XidRecord r) {
        if (r.state == XidRecord.State.TIMED_OUT && !r.isAssociated()) {
            branches.remove(r.xid, r);
        }
    }
}
