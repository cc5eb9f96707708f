package org.tablemq.jms.store;

/** No prepared branch has this Xid (the XA layer turns it into XAER_NOTA). */
public class UnknownXidException extends StoreException {

    public UnknownXidException(String message) {
        super(message);
    }
}
