package org.tablemq.jms.tx;

import jakarta.jms.JMSException;
import java.util.List;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.store.ClaimLostException;
import org.tablemq.jms.store.DuplicateXidException;
import org.tablemq.jms.store.StoreException;
import org.tablemq.jms.store.StoreUnavailableException;
import org.tablemq.jms.store.UnknownXidException;
import org.tablemq.jms.store.XidKey;

/**
 * prepare, commit and rollback of a branch against the store, with the XA error codes. A branch this JVM does not
 * know (prepared before a restart, or by another node) is decided in the store directly: that is recovery.
 * Each call first moves the branch to COMPLETING under the table's lock, so a concurrent second call is a
 * protocol error instead of a race, then talks to the store without holding the lock.
 */
final class BranchCompletion {

    private static final System.Logger LOG = Log.of(BranchCompletion.class);

    private final BranchTable table;
    private final StoreGateway gateway;

    BranchCompletion(BranchTable table, StoreGateway gateway) {
        this.table = table;
        this.gateway = gateway;
    }

    int prepare(XidKey xid) throws XAException {
        XidRecord r = claim(xid, "prepare", XidRecord.State.OPEN);
        if (r.isRollbackOnly()) {
            throw rolledBack(r, "prepare");
        }
        if (!r.hasWork()) {
            table.remove(r);
            return XAResource.XA_RDONLY;
        }
        try {
            r.prepareAttempted = true;
            r.gateway.store().prepare(xid, r.work());
        } catch (ClaimLostException e) {
            throw abandon(r, XAException.XA_RBROLLBACK, "Cannot prepare " + xid + ": a consumed message was claimed"
                    + " by another consumer after its lease expired; the branch is rolled back", e);
        } catch (DuplicateXidException e) {
            reopen(r);
            throw XaErrors.of(XAException.XAER_DUPID, "Cannot prepare " + xid + ": the store already holds a prepared"
                    + " branch with this Xid", e);
        } catch (StoreException | RuntimeException e) {
            reopen(r);
            throw XaErrors.of(XAException.XAER_RMFAIL, "Cannot prepare " + xid + ": " + e.getMessage(), e);
        }
        synchronized (table) {
            r.state = XidRecord.State.PREPARED;
            r.cancelTimer();
        }
        return XAResource.XA_OK;
    }

    void commit(XidKey xid, boolean onePhase) throws XAException {
        XidRecord r = table.find(xid);
        if (r == null && !onePhase) {
            decidePrepared(xid, true);
            return;
        }
        if (r == null) {
            throw XaErrors.of(XAException.XAER_NOTA, "Cannot commit " + xid + " in one phase: no such branch is active");
        }
        if (onePhase) {
            commitOnePhase(claim(xid, "commit in one phase", XidRecord.State.OPEN));
        } else {
            claim(xid, "commit (two-phase)", XidRecord.State.PREPARED);
            decidePrepared(r, true);
        }
    }

    void rollback(XidKey xid) throws XAException {
        XidRecord r = table.find(xid);
        if (r == null) {
            decidePrepared(xid, false);
            return;
        }
        synchronized (table) {
            if (r.state == XidRecord.State.TIMED_OUT) {
                table.remove(r); // already rolled back by the timeout: the TM's rollback simply confirms it
                return;
            }
        }
        XidRecord.State from = r.state == XidRecord.State.PREPARED ? XidRecord.State.PREPARED : XidRecord.State.OPEN;
        claim(xid, "roll back", from);
        if (from == XidRecord.State.PREPARED) {
            decidePrepared(r, false);
        } else {
            rollbackOpen(r);
        }
    }

    void forget(XidKey xid) throws XAException {
        XidRecord r = table.find(xid);
        if (r == null) {
            throw XaErrors.of(XAException.XAER_NOTA, "Cannot forget " + xid + ": TableMQ never completes a branch"
                    + " heuristically, and no branch with this Xid is known");
        }
        throw XaErrors.of(XAException.XAER_PROTO, "Cannot forget " + r.describe() + ": it was not heuristically completed");
    }

    // ---- the steps

    /** Moves the branch to COMPLETING if it is in {@code expected} and no session is associated with it. */
    private XidRecord claim(XidKey xid, String verb, XidRecord.State expected) throws XAException {
        synchronized (table) {
            XidRecord r = table.find(xid);
            if (r == null) {
                throw XaErrors.of(XAException.XAER_NOTA, "Cannot " + verb + " " + xid + ": no such branch is active");
            }
            if (r.state == XidRecord.State.TIMED_OUT) {
                table.remove(r);
                throw XaErrors.of(XAException.XA_RBTIMEOUT, "Cannot " + verb + " " + xid + ": " + r.rollbackReason);
            }
            if (r.state != expected) {
                throw XaErrors.of(XAException.XAER_PROTO, "Cannot " + verb + " " + r.describe() + ": it must be "
                        + expected.name().toLowerCase(java.util.Locale.ROOT) + (expected == XidRecord.State.OPEN
                        ? " and ended" : ""));
            }
            if (!r.active.isEmpty() || expected == XidRecord.State.OPEN && !r.suspended.isEmpty() && !verb.equals("roll back")) {
                throw XaErrors.of(XAException.XAER_PROTO, "Cannot " + verb + " " + r.describe() + ": "
                        + (r.active.isEmpty() ? "a session suspended its association" : "a session is still associated")
                        + " (call end with TMSUCCESS or TMFAIL first)");
            }
            r.state = XidRecord.State.COMPLETING;
            r.cancelTimer();
            if (!r.suspended.isEmpty()) {
                r.suspended.forEach(ctx -> ctx.dissociate(r));
                r.suspended.clear();
            }
            return r;
        }
    }

    private void reopen(XidRecord r) {
        synchronized (table) {
            r.state = XidRecord.State.OPEN;
        }
    }

    private void commitOnePhase(XidRecord r) throws XAException {
        if (r.isRollbackOnly()) {
            throw rolledBack(r, "commit");
        }
        if (!r.hasWork()) {
            table.remove(r);
            return;
        }
        try {
            r.gateway.store().commit(r.work());
            table.remove(r);
        } catch (StoreUnavailableException e) {
            // Outcome unknown (the database went away around its commit): the claims' leases settle the acks.
            table.remove(r);
            throw XaErrors.of(XAException.XAER_RMFAIL, "Cannot commit " + r.xid + " in one phase: " + e.getMessage(), e);
        } catch (StoreException | RuntimeException e) {
            throw abandon(r, XAException.XA_RBROLLBACK, "Cannot commit " + r.xid + " in one phase, so it is rolled back: "
                    + e.getMessage(), e);
        }
    }

    private void rollbackOpen(XidRecord r) throws XAException {
        List<Delivery> consumed;
        synchronized (table) {
            consumed = r.discardWork();
        }
        try {
            if (r.prepareAttempted) {
                // A prepare that failed with XAER_RMFAIL may have reached the database all the same.
                try {
                    r.gateway.store().rollbackPrepared(r.xid);
                } catch (UnknownXidException expected) {
                    // it had not: nothing is prepared
                }
            }
            r.giveBack(consumed);
        } catch (StoreUnavailableException e) {
            reopen(r);
            throw XaErrors.of(XAException.XAER_RMFAIL, "Cannot roll back " + r.xid + ": " + e.getMessage(), e);
        } catch (StoreException | JMSException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "TMQ-2042 Rolled back " + r.xid + " but could not give back its "
                    + consumed.size() + " consumed message(s) at once; they come back when their leases expire: " + e);
        }
        table.remove(r);
    }

    private void decidePrepared(XidRecord r, boolean commit) throws XAException {
        try {
            decidePrepared(r.xid, commit);
            table.remove(r);
        } catch (XAException e) {
            if (e.errorCode == XAException.XAER_NOTA) {
                table.remove(r);
            } else {
                synchronized (table) {
                    r.state = XidRecord.State.PREPARED; // the TM may try again
                }
            }
            throw e;
        }
    }

    /** Commits or rolls back a branch prepared in the store, whichever JVM or node prepared it. */
    private void decidePrepared(XidKey xid, boolean commit) throws XAException {
        String verb = commit ? "commit" : "roll back";
        try {
            if (commit) {
                gateway.store().commitPrepared(xid);
            } else {
                gateway.store().rollbackPrepared(xid);
            }
        } catch (UnknownXidException e) {
            throw XaErrors.of(XAException.XAER_NOTA, "Cannot " + verb + " " + xid + ": no branch with this Xid is"
                    + " active or prepared", e);
        } catch (StoreUnavailableException e) {
            throw XaErrors.of(XAException.XAER_RMFAIL, "Cannot " + verb + " prepared " + xid + " now: " + e.getMessage(), e);
        } catch (StoreException | RuntimeException e) {
            throw XaErrors.of(XAException.XAER_RMERR, "Cannot " + verb + " prepared " + xid + ": " + e.getMessage(), e);
        }
    }

    /** A rollback-only branch met prepare or commit: roll it back and say why. */
    private XAException rolledBack(XidRecord r, String verb) {
        return abandon(r, r.rollbackCode, "Cannot " + verb + " " + r.xid + ": it is rolled back, " + r.rollbackReason, null);
    }

    /** Rolls the branch back here (consumed messages given back) and returns the exception that says so. */
    private XAException abandon(XidRecord r, int code, String message, Throwable cause) {
        XAException e = XaErrors.of(code, message, cause);
        List<Delivery> consumed;
        synchronized (table) {
            consumed = r.discardWork();
        }
        table.remove(r);
        try {
            r.giveBack(consumed);
        } catch (JMSException giveBack) {
            e.addSuppressed(giveBack);
        }
        return e;
    }
}
