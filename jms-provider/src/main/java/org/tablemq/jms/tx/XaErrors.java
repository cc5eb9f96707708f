package org.tablemq.jms.tx;

import javax.transaction.xa.XAException;

/**
 * Builds the {@link XAException}s of the XA layer: always with the error code the XA specification prescribes,
 * a message naming the Xid and the code, and the cause linked. Nothing in the XA layer throws anything else.
 */
final class XaErrors {

    private XaErrors() {
    }

    static XAException of(int errorCode, String message) {
        return of(errorCode, message, null);
    }

    static XAException of(int errorCode, String message, Throwable cause) {
        XAException e = new XAException(message + " [" + name(errorCode) + "]");
        e.errorCode = errorCode;
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    /** The symbolic name of an XA error or rollback code, for messages and logs. */
    static String name(int code) {
        return switch (code) {
            case XAException.XA_RBROLLBACK -> "XA_RBROLLBACK";
            case XAException.XA_RBCOMMFAIL -> "XA_RBCOMMFAIL";
            case XAException.XA_RBDEADLOCK -> "XA_RBDEADLOCK";
            case XAException.XA_RBINTEGRITY -> "XA_RBINTEGRITY";
            case XAException.XA_RBOTHER -> "XA_RBOTHER";
            case XAException.XA_RBPROTO -> "XA_RBPROTO";
            case XAException.XA_RBTIMEOUT -> "XA_RBTIMEOUT";
            case XAException.XA_RBTRANSIENT -> "XA_RBTRANSIENT";
            case XAException.XA_RDONLY -> "XA_RDONLY";
            case XAException.XA_RETRY -> "XA_RETRY";
            case XAException.XAER_ASYNC -> "XAER_ASYNC";
            case XAException.XAER_RMERR -> "XAER_RMERR";
            case XAException.XAER_NOTA -> "XAER_NOTA";
            case XAException.XAER_INVAL -> "XAER_INVAL";
            case XAException.XAER_PROTO -> "XAER_PROTO";
            case XAException.XAER_RMFAIL -> "XAER_RMFAIL";
            case XAException.XAER_DUPID -> "XAER_DUPID";
            case XAException.XAER_OUTSIDE -> "XAER_OUTSIDE";
            default -> "XA error " + code;
        };
    }
}
