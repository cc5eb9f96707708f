package org.tablemq.jms.xa;

import java.io.Serial;
import java.io.Serializable;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * A second resource manager that, in a child JVM started with {@code -Dtablemq.test.halt=true}, stops the
 * transaction at a chosen phase (prints {@code HALTED <phase>} and waits to be killed), so the test can crash the
 * JVM exactly between TableMQ's prepare and the decision. Serializable, so Narayana keeps it in its log and
 * completes it itself after the crash (then it halts nothing: the property is not set in the recovering JVM).
 */
final class HaltingResource implements XAResource, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;
    static final String HALT_PROPERTY = "tablemq.test.halt";

    private final String haltAt;

    /** @param haltAt "prepare" or "commit" */
    HaltingResource(String haltAt) {
        this.haltAt = haltAt;
    }

    private void maybeHalt(String phase) {
        if (phase.equals(haltAt) && Boolean.getBoolean(HALT_PROPERTY)) {
            System.out.println("HALTED " + phase);
            System.out.flush();
            while (true) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public int prepare(Xid xid) {
        maybeHalt("prepare");
        return XA_OK;
    }

    @Override
    public void commit(Xid xid, boolean onePhase) {
        maybeHalt("commit");
    }

    @Override
    public void rollback(Xid xid) {
    }

    @Override
    public void start(Xid xid, int flags) {
    }

    @Override
    public void end(Xid xid, int flags) {
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
