package org.tablemq.jms.tx;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import org.tablemq.jms.store.StoreException;
import org.tablemq.jms.store.XidKey;

/**
 * The XAResource of one XA session. {@code start}/{@code end} associate the session with a branch (TMNOFLAGS,
 * TMJOIN, TMRESUME / TMSUCCESS, TMFAIL, TMSUSPEND); {@code prepare} makes the branch durable in the store with its
 * Xid; {@code commit}/{@code rollback} decide it, also for branches prepared before a restart or by another node;
 * {@code recover} lists every prepared branch in the store. All resources on one store are the same resource
 * manager ({@link #isSameRM}). Every failure is an {@link XAException} with the XA error code and the Xid named.
 */
public final class TableMQXAResource implements XAResource {

    /** The transaction timeout of a branch when the transaction manager sets none, in seconds. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 300;

    private final XATransactionContext context;
    private final BranchTable table;
    private final StoreGateway gateway;
    private final RedeliveryPolicy policy;
    private final BranchCompletion completion;
    private volatile int timeoutSeconds = DEFAULT_TIMEOUT_SECONDS;
    private boolean scanning;

    TableMQXAResource(XATransactionContext context, BranchTable table, StoreGateway gateway, RedeliveryPolicy policy) {
        this.context = context;
        this.table = table;
        this.gateway = gateway;
        this.policy = policy;
        this.completion = new BranchCompletion(table, gateway);
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        XidKey key = key(xid, "start");
        if (flags != TMNOFLAGS && flags != TMJOIN && flags != TMRESUME) {
            throw XaErrors.of(XAException.XAER_INVAL, "Cannot start " + key + " with flags 0x" + Integer.toHexString(flags)
                    + ": use TMNOFLAGS, TMJOIN or TMRESUME");
        }
        table.associate(context, key, flags, timeoutSeconds, gateway, policy);
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        XidKey key = key(xid, "end");
        if (flags != TMSUCCESS && flags != TMFAIL && flags != TMSUSPEND) {
            throw XaErrors.of(XAException.XAER_INVAL, "Cannot end " + key + " with flags 0x" + Integer.toHexString(flags)
                    + ": use TMSUCCESS, TMFAIL or TMSUSPEND");
        }
        try {
            context.awaitPendingWork(key);
        } catch (jakarta.jms.JMSException e) {
            throw XaErrors.of(XAException.XAER_RMERR, "Cannot end " + key + ": the asynchronous sends of "
                    + context.owner() + " did not complete: " + e.getMessage(), e);
        }
        table.dissociate(context, key, flags);
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        return completion.prepare(key(xid, "prepare"));
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        completion.commit(key(xid, "commit"), onePhase);
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        completion.rollback(key(xid, "roll back"));
    }

    @Override
    public void forget(Xid xid) throws XAException {
        completion.forget(key(xid, "forget"));
    }

    /**
     * The prepared branches of the store, all of them at TMSTARTRSCAN (TableMQ returns the whole list in one
     * batch); a TMNOFLAGS or TMENDRSCAN call within the scan returns nothing more.
     */
    @Override
    public synchronized Xid[] recover(int flags) throws XAException {
        if ((flags & ~(TMSTARTRSCAN | TMENDRSCAN)) != 0) {
            throw XaErrors.of(XAException.XAER_INVAL, "Cannot recover with flags 0x" + Integer.toHexString(flags)
                    + ": use TMSTARTRSCAN, TMENDRSCAN, both, or TMNOFLAGS within a scan");
        }
        boolean start = (flags & TMSTARTRSCAN) != 0;
        boolean end = (flags & TMENDRSCAN) != 0;
        if (!start && !scanning) {
            throw XaErrors.of(XAException.XAER_INVAL, "Cannot recover with " + (end ? "TMENDRSCAN" : "TMNOFLAGS")
                    + ": no recovery scan is open (start one with TMSTARTRSCAN)");
        }
        scanning = !end;
        if (!start) {
            return new Xid[0];
        }
        try {
            return gateway.store().recover().toArray(new Xid[0]);
        } catch (StoreException | RuntimeException e) {
            scanning = false;
            throw XaErrors.of(XAException.XAER_RMFAIL, "Cannot list the prepared XA branches: " + e.getMessage(), e);
        }
    }

    /** True for a resource on the same store in this JVM: the transaction manager may then join branches. */
    @Override
    public boolean isSameRM(XAResource other) {
        return other instanceof TableMQXAResource r && r.table == table;
    }

    @Override
    public int getTransactionTimeout() {
        return timeoutSeconds;
    }

    /** Sets the timeout of branches started from now on; 0 restores the default ({@value #DEFAULT_TIMEOUT_SECONDS} s). */
    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        if (seconds < 0) {
            throw XaErrors.of(XAException.XAER_INVAL, "Cannot set a negative transaction timeout (" + seconds + " s)");
        }
        timeoutSeconds = seconds == 0 ? DEFAULT_TIMEOUT_SECONDS : seconds;
        return true;
    }

    private static XidKey key(Xid xid, String verb) throws XAException {
        if (xid == null) {
            throw XaErrors.of(XAException.XAER_INVAL, "Cannot " + verb + " a null Xid");
        }
        try {
            return XidKey.of(xid);
        } catch (RuntimeException e) {
            throw XaErrors.of(XAException.XAER_INVAL, "Cannot " + verb + " Xid " + xid + ": it has no transaction or branch id", e);
        }
    }

    @Override
    public String toString() {
        return "TableMQXAResource[" + context.owner() + "]";
    }
}
