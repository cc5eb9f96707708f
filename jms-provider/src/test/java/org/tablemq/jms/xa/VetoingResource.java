package org.tablemq.jms.xa;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/** A resource manager that votes no at prepare, standing for a database that cannot commit its part. */
final class VetoingResource implements XAResource {

    @Override
    public int prepare(Xid xid) throws XAException {
        XAException e = new XAException("vetoed by the test");
        e.errorCode = XAException.XA_RBINTEGRITY;
        throw e;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) {
        throw new AssertionError("a vetoing resource is never committed");
    }

    @Override
    public void start(Xid xid, int flags) {
    }

    @Override
    public void end(Xid xid, int flags) {
    }

    @Override
    public void rollback(Xid xid) {
    }

    @Override
    public void forget(Xid xid) {
    }

    @Override
    public Xid[] recover(int flag) {
        return new Xid[0];
    }

    @Override
    public boolean isSameRM(XAResource other) {
        return other == this;
    }

    @Override
    public int getTransactionTimeout() {
        return 0;
    }

    @Override
    public boolean setTransactionTimeout(int seconds) {
        return false;
    }
}
