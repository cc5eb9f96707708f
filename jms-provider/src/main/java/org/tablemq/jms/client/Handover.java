package org.tablemq.jms.client;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.List;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.message.TableMQMessage;
import org.tablemq.jms.store.StoreUnavailableException;
import org.tablemq.jms.store.StoredMessage;
import org.tablemq.jms.tx.Delivery;

/**
 * Hands a claimed message to the application, by receive() or by a MessageListener: decodes it, tells the
 * session's {@link AckTracker} that it is being delivered and whether delivery succeeded. A message that cannot
 * be decoded counts as a failed delivery, so it ends on the dead letter queue rather than looping.
 */
final class Handover {

    private static final System.Logger LOG = Log.of(Handover.class);

    private final TableMQSession session;

    Handover(TableMQSession session) {
        this.session = session;
    }

    /**
     * receive() returns the message: it counts as delivered at once (AUTO acknowledges it here).
     *
     * @return the message, or null if AUTO_ACKNOWLEDGE found its claim lost before the application saw it: another
     *         consumer has it, so the receiver goes on to the next message instead of failing for one it never had
     */
    Message toReceiver(TableMQMessageConsumer consumer, StoredMessage m) throws JMSException {
        Delivery d = consumer.delivery(m);
        TableMQMessage msg = decodeOrGiveBack(d, m);
        session.acks().delivering(d);
        session.unsettled().delivering(consumer);
        boolean handed;
        try {
            handed = session.acks().delivered(d);
        } catch (JMSException e) {
            if (!StoreUnavailableException.ERROR_CODE.equals(e.getErrorCode())) {
                throw e;
            }
            // AUTO_ACKNOWLEDGE: the acknowledgement was not applied (the store resolves a broken commit before it
            // says so, and finishes one of unknown outcome itself). The message is still claimed by this consumer and
            // the application has not seen it: it stays first in line, so the next receive hands it over.
            consumer.buffer().pushBack(m);
            throw e;
        }
        if (!handed) {
            LOG.log(System.Logger.Level.WARNING, () -> "TMQ-2034 Message " + d.messageId() + " of " + consumer.description()
                    + " not delivered: its claim was lost before its acknowledgement (another consumer took it after"
                    + " its lease ran out); receiving the next message instead");
            return null;
        }
        return msg;
    }

    /** Runs the listener on the message; a RuntimeException from it is a failed delivery, as the spec says. */
    void toListener(TableMQMessageConsumer consumer, StoredMessage m, MessageListener listener) {
        Delivery d = consumer.delivery(m);
        try {
            TableMQMessage msg = decodeOrGiveBack(d, m);
            session.acks().delivering(d);
            session.unsettled().delivering(consumer);
            boolean ok = false;
            CallbackGuard.enterListener(session);
            try {
                listener.onMessage(msg);
                ok = true;
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, () -> "MessageListener of " + consumer.description()
                        + " threw on message " + d.messageId() + " (delivery " + d.deliveryCount() + "): " + e);
            } finally {
                CallbackGuard.exitListener();
            }
            if (ok) {
                try {
                    session.acks().delivered(d);
                } catch (JMSException e) {
                    if (StoreUnavailableException.ERROR_CODE.equals(e.getErrorCode())) {
                        // not acknowledged, and the listener has seen it: deliver it again, as redelivered
                        session.acks().listenerFailed(d);
                    }
                    throw e;
                }
            } else if (session.acks().listenerFailed(d)) {
                // §8.7: "immediately redelivered", so the messages prefetched after it must not overtake it: they go
                // back too, and the next claim takes the failed one first (claimed before them, so not of lower
                // priority and older)
                consumer.buffer().releaseUndelivered();
            }
        } catch (JMSException e) {
            session.connection().reportFailure(e);
        }
    }

    /** A message that cannot be decoded counts as a failed delivery, so it ends on the dead letter queue. */
    private TableMQMessage decodeOrGiveBack(Delivery d, StoredMessage m) throws JMSException {
        try {
            return IncomingMessages.forDelivery(m, session.connection().deserializationPolicy(), d.source(),
                    session::acknowledgeFromMessage);
        } catch (JMSException e) {
            try {
                session.storeGateway().run("give back an undecodable message", s -> s.release(List.of(
                        session.connection().redeliveryPolicy().onFailure(d, System.currentTimeMillis()))));
            } catch (JMSException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }
}
