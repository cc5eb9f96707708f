package org.tablemq.jms.store;

import java.util.Arrays;
import java.util.HexFormat;
import javax.transaction.xa.Xid;

/**
 * An immutable copy of an XA transaction branch id, usable as a map key and stored with prepared work.
 */
public record XidKey(int formatId, byte[] globalTransactionId, byte[] branchQualifier) implements Xid {

    public static XidKey of(Xid xid) {
        if (xid instanceof XidKey key) {
            return key;
        }
        return new XidKey(xid.getFormatId(), xid.getGlobalTransactionId().clone(), xid.getBranchQualifier().clone());
    }

    @Override
    public int getFormatId() {
        return formatId;
    }

    @Override
    public byte[] getGlobalTransactionId() {
        return globalTransactionId.clone();
    }

    @Override
    public byte[] getBranchQualifier() {
        return branchQualifier.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XidKey other && formatId == other.formatId
                && Arrays.equals(globalTransactionId, other.globalTransactionId)
                && Arrays.equals(branchQualifier, other.branchQualifier);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * formatId + Arrays.hashCode(globalTransactionId)) + Arrays.hashCode(branchQualifier);
    }

    @Override
    public String toString() {
        HexFormat hex = HexFormat.of();
        return "Xid[" + formatId + ":" + hex.formatHex(globalTransactionId) + ":" + hex.formatHex(branchQualifier) + "]";
    }
}
