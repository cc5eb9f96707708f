package org.tablemq.jms.xa;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.transaction.xa.Xid;

/** A Xid as a foreign transaction manager would hand it over (not TableMQ's own XidKey). */
record TestXid(int formatId, byte[] gtrid, byte[] bqual) implements Xid {

    /** A fresh global transaction with branch qualifier {@code branch}. */
    static TestXid fresh(String branch) {
        return new TestXid(4711, UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII),
                branch.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public int getFormatId() {
        return formatId;
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return gtrid.clone();
    }

    @Override
    public byte[] getBranchQualifier() {
        return bqual.clone();
    }
}
