package org.tablemq.jms.client;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Acknowledgement bookkeeping of one JMSContext, whose session is CLIENT_ACKNOWLEDGE underneath in AUTO and
 * DUPS_OK mode too (see {@link TableMQContext}).
 * <ul>
 * <li>AUTO/DUPS_OK: each message is acknowledged once handed out, except while some consumer holds back a message
 * receiveBody could not convert: a CLIENT_ACKNOWLEDGE acknowledgement covers the whole session, so it waits until
 * the held-back message is handed out (its acknowledgement then covers the others too).</li>
 * <li>CLIENT: remembers the last message handed out, whose {@code acknowledge()} acknowledges the session.</li>
 * <li>Transacted: nothing; commit and rollback decide.</li>
 * </ul>
 */
final class TableMQContextAcks {

    private final int sessionMode;
    private final AtomicInteger heldBack = new AtomicInteger();
    private volatile Message lastConsumed;

    TableMQContextAcks(int sessionMode) {
        this.sessionMode = sessionMode;
    }

    /** Whether the context acknowledges each message itself (AUTO and DUPS_OK). */
    boolean eachMessage() {
        return sessionMode == JMSContext.AUTO_ACKNOWLEDGE || sessionMode == JMSContext.DUPS_OK_ACKNOWLEDGE;
    }

    /** A message has been handed to the application (returned by receive, or passed to a listener that returned). */
    void consumed(Message message) throws JMSException {
        if (eachMessage()) {
            if (heldBack.get() == 0) {
                message.acknowledge(); // also covers any acknowledgement that waited for a held-back message
            }
        } else if (sessionMode == JMSContext.CLIENT_ACKNOWLEDGE) {
            lastConsumed = message;
        }
    }

    /** A message is about to be passed to a listener: in CLIENT mode it counts as consumed from then on. */
    void delivering(Message message) {
        if (sessionMode == JMSContext.CLIENT_ACKNOWLEDGE) {
            lastConsumed = message;
        }
    }

    /** JMSContext.acknowledge(): CLIENT mode only; the spec gives it no effect in the other modes. */
    void acknowledgeSession() throws JMSException {
        Message last = lastConsumed;
        if (sessionMode == JMSContext.CLIENT_ACKNOWLEDGE && last != null) {
            last.acknowledge();
            lastConsumed = null;
        }
    }

    /** A consumer now holds back a message: acknowledgements wait until it is handed out or given up. */
    void holdingBack() {
        heldBack.incrementAndGet();
    }

    /** A held-back message is handed out after all, or given up (then the session is recovered). */
    void heldBackReleased() {
        heldBack.decrementAndGet();
    }

    /** The session was recovered: nothing is held back or pending acknowledgement any more. */
    void recovered() {
        heldBack.set(0);
        lastConsumed = null;
    }
}
