package org.tablemq.ra.outbound;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The session's XAResource as the transaction manager sees it through {@link TableMQManagedConnection#getXAResource()}:
 * every call goes to the provider's resource; this wrapper only remembers whether the session is associated with a
 * branch (between start and end), which decides how the session handle behaves (transacted or not, §12.3).
 *
 * <p>The adapter's recovery resource for inbound work is wrapped too ({@link #forRecovery}), so that every XAResource
 * the adapter hands out on one store answers {@link #isSameRM} the same way whichever of them asks. A transaction
 * manager's recovery keys what it has seen in doubt by resource manager: were the answer one-sided, each scan would
 * start a fresh record for one of them, and a branch left prepared would never grow old enough to be presumed
 * aborted.
 */
public final class ManagedXAResource implements XAResource {

    private final XAResource delegate;
    private volatile boolean associated;

    ManagedXAResource(XAResource delegate) {
        this.delegate = delegate;
    }

    /** The provider's resource as the adapter hands it out for recovery ({@code getXAResources}). */
    public static XAResource forRecovery(XAResource delegate) {
        return new ManagedXAResource(delegate);
    }

    boolean associated() {
        return associated;
    }

    @Override
    public void start(Xid xid, int flags) throws XAException {
        delegate.start(xid, flags);
        associated = true;
    }

    @Override
    public void end(Xid xid, int flags) throws XAException {
        associated = false;   // even if end fails: the branch is then marked rollback-only by the resource
        delegate.end(xid, flags);
    }

    @Override
    public int prepare(Xid xid) throws XAException {
        return delegate.prepare(xid);
    }

    @Override
    public void commit(Xid xid, boolean onePhase) throws XAException {
        delegate.commit(xid, onePhase);
    }

    @Override
    public void rollback(Xid xid) throws XAException {
        delegate.rollback(xid);
    }

    @Override
    public void forget(Xid xid) throws XAException {
        delegate.forget(xid);
    }

    @Override
    public Xid[] recover(int flag) throws XAException {
        return delegate.recover(flag);
    }

    /** Compares the provider resources, so the transaction manager can join branches on one store. */
    @Override
    public boolean isSameRM(XAResource other) throws XAException {
        return delegate.isSameRM(other instanceof ManagedXAResource managed ? managed.delegate : other);
    }

    @Override
    public int getTransactionTimeout() throws XAException {
        return delegate.getTransactionTimeout();
    }

    @Override
    public boolean setTransactionTimeout(int seconds) throws XAException {
        return delegate.setTransactionTimeout(seconds);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
