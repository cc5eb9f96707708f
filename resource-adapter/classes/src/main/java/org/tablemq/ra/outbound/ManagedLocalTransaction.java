package org.tablemq.ra.outbound;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.LocalTransaction;
import jakarta.resource.spi.LocalTransactionException;
import java.nio.ByteBuffer;
import java.util.UUID;
import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import org.tablemq.jms.store.XidKey;

/**
 * A container-demarcated local transaction on the managed connection's session, run as a one-phase XA branch that
 * only this adapter knows of: the same session, the same buffering of sends and acknowledgements, one store commit.
 * This keeps one physical session per managed connection whichever transaction support the server chose.
 */
final class ManagedLocalTransaction implements LocalTransaction {

    /** "TMQL": marks branches this class creates, so they are recognisable in the store. */
    private static final int FORMAT_ID = 0x544D514C;

    private final XAResource xa;
    private final String owner;
    private XidKey current;

    ManagedLocalTransaction(XAResource xa, String owner) {
        this.xa = xa;
        this.owner = owner;
    }

    synchronized boolean active() {
        return current != null;
    }

    @Override
    public synchronized void begin() throws ResourceException {
        if (current != null) {
            throw new LocalTransactionException("A local transaction is already active on " + owner + " (" + current + ")");
        }
        XidKey xid = newXid();
        try {
            xa.start(xid, XAResource.TMNOFLAGS);
        } catch (XAException e) {
            throw failure("begin", xid, e);
        }
        current = xid;
    }

    @Override
    public synchronized void commit() throws ResourceException {
        XidKey xid = take("commit");
        try {
            xa.end(xid, XAResource.TMSUCCESS);
            xa.commit(xid, true);
        } catch (XAException e) {
            throw failure("commit", xid, e);
        }
    }

    @Override
    public synchronized void rollback() throws ResourceException {
        XidKey xid = take("rollback");
        try {
            try {
                xa.end(xid, XAResource.TMFAIL);
            } catch (XAException e) {
                if (e.errorCode < XAException.XA_RBBASE || e.errorCode > XAException.XA_RBEND) {
                    throw e;   // XA_RB* on end just confirms the rollback
                }
            }
            xa.rollback(xid);
        } catch (XAException e) {
            throw failure("rollback", xid, e);
        }
    }

    private XidKey take(String what) throws LocalTransactionException {
        XidKey xid = current;
        if (xid == null) {
            throw new LocalTransactionException("Cannot " + what + ": no local transaction is active on " + owner);
        }
        current = null;
        return xid;
    }

    private static XidKey newXid() {
        UUID id = UUID.randomUUID();
        byte[] gtrid = ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
        return new XidKey(FORMAT_ID, gtrid, new byte[] {1});
    }

    private LocalTransactionException failure(String what, XidKey xid, XAException e) {
        LocalTransactionException failure = new LocalTransactionException("Local transaction " + what + " of " + xid
                + " on " + owner + " failed: " + e.getMessage() + " (XA error code " + e.errorCode + ")", e);
        failure.setErrorCode(String.valueOf(e.errorCode));
        return failure;
    }
}
