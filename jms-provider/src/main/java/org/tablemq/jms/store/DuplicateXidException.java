package org.tablemq.jms.store;

/** A branch with this Xid is already prepared (the XA layer turns it into XAER_DUPID). */
public class DuplicateXidException extends StoreException {

    public DuplicateXidException(String message) {
        super(message);
    }
}
