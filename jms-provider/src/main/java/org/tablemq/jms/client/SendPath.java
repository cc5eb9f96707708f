package org.tablemq.jms.client;

import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatException;
import jakarta.jms.ResourceAllocationException;
import java.util.List;
import java.util.UUID;
import org.tablemq.jms.TableMQDestination;
import org.tablemq.jms.internal.JmsErrors;
import org.tablemq.jms.message.MessageCodec;
import org.tablemq.jms.message.TableMQMessage;
import org.tablemq.jms.selector.Selector;
import org.tablemq.jms.store.DestinationRef;
import org.tablemq.jms.store.OutgoingMessage;
import org.tablemq.jms.store.PayloadLimit;
import org.tablemq.jms.store.SubscriberMatcher;

/**
 * The send path of a session: header fields, encoding, the size limit, and the hand-off to the session's
 * transaction context. Reads top to bottom; the only branch that matters is "topic or queue".
 */
final class SendPath {

    /** The per-send settings of a producer. */
    record Settings(int deliveryMode, int priority, long timeToLive, long deliveryDelay, boolean disableMessageId,
                    boolean disableTimestamp) {
    }

    private final TableMQSession session;

    SendPath(TableMQSession session) {
        this.session = session;
    }

    /**
     * Sets the header fields on {@code message} (also a foreign one, as the spec requires) and turns it into what
     * the store takes. Everything that can be refused is refused here, before any asynchronous part of a send.
     */
    OutgoingMessage prepare(Destination destination, Message message, Settings s) throws JMSException {
        if (message == null) {
            throw new MessageFormatException("Cannot send a null message");
        }
        DeliveryRules.checkDeliveryMode(s.deliveryMode(), "a send on " + session.description());
        DeliveryRules.checkPriority(s.priority(), "a send on " + session.description());
        TableMQDestination target = Destinations.resolve(destination, "send");
        DestinationRef ref = target.toRef();
        session.connection().checkSendable(target);

        long now = System.currentTimeMillis();
        long expiration = s.timeToLive() > 0 ? later(now, s.timeToLive()) : 0;
        long deliveryTime = s.deliveryDelay() > 0 ? later(now, s.deliveryDelay()) : now;
        long deliverAt = s.deliveryDelay() > 0 ? deliveryTime : 0;
        String id = s.disableMessageId() ? null : "ID:" + UUID.randomUUID();
        applyHeaders(message, target, s, now, expiration, deliveryTime, id);
        TableMQMessage own = message instanceof TableMQMessage t ? t : TableMQMessage.copyOf(message);
        if (own != message) {
            applyHeaders(own, target, s, now, expiration, deliveryTime, id);
        }

        byte[] payload = encode(own, ref);
        checkSize(payload.length, id, ref);
        SubscriberMatcher matcher = ref.kind() == DestinationRef.Kind.TOPIC ? matcher(own.copy()) : SubscriberMatcher.ALL;
        return new OutgoingMessage(ref, id, payload, s.priority(), expiration, deliverAt,
                s.deliveryMode() == DeliveryMode.PERSISTENT, origin(), matcher);
    }

    /** Sends a prepared message through the session's transaction context. */
    void send(OutgoingMessage m) throws JMSException {
        session.transactionContext().send(List.of(m));
    }

    /**
     * {@code now + millis}, saturated at {@code Long.MAX_VALUE}: a time to live or delivery delay too long to add
     * (up to {@code Long.MAX_VALUE} is allowed) means "never" (expire, be delivered), not a time in the past.
     */
    private static long later(long now, long millis) {
        long sum = now + millis;
        return sum < now ? Long.MAX_VALUE : sum;
    }

    /** The one size check: the {@code maxMessageSize} option and the store's own limit, before anything is written. */
    private void checkSize(int encoded, String id, DestinationRef ref) throws ResourceAllocationException {
        int max = session.connection().maxMessageSize();
        if (encoded > max) {
            throw new ResourceAllocationException("Message " + id + " to " + ref + " is " + encoded
                    + " bytes encoded, more than maxMessageSize " + max + " bytes");
        }
        PayloadLimit store = session.connection().storePayloadLimit();
        if (encoded > store.bytes()) {
            throw new ResourceAllocationException("Message " + id + " to " + ref + " is " + encoded
                    + " bytes encoded, more than the store's limit of " + store.bytes() + " bytes (" + store.why()
                    + "); nothing was written");
        }
    }

    private static void applyHeaders(Message m, TableMQDestination target, Settings s, long now, long expiration,
                                     long deliveryTime, String id) throws JMSException {
        m.setJMSDestination(target);
        m.setJMSDeliveryMode(s.deliveryMode());
        m.setJMSPriority(s.priority());
        m.setJMSExpiration(expiration);
        m.setJMSDeliveryTime(deliveryTime);
        m.setJMSTimestamp(s.disableTimestamp() ? 0 : now);
        m.setJMSMessageID(id);
    }

    private static byte[] encode(TableMQMessage m, DestinationRef ref) throws JMSException {
        try {
            return MessageCodec.encode(m);
        } catch (Exception e) {
            if (e instanceof JMSException j) {
                throw j;
            }
            throw JmsErrors.create(new MessageFormatException("Cannot encode a message for " + ref + ": " + e.getMessage()), e);
        }
    }

    /** The sender as noLocal subscriptions know it (see {@link NoLocalOrigin}). */
    private String origin() {
        return NoLocalOrigin.of(session.connection().id(), session.connection().clientIdIfSet());
    }

    /**
     * Decides per subscription at publish time (the store never parses selectors), on a snapshot of the message
     * so that changes the application makes after send cannot leak into a transaction committed later.
     */
    private SubscriberMatcher matcher(TableMQMessage snapshot) {
        String origin = origin();
        return (selector, noLocal, subscriberConnectionId) -> {
            if (noLocal && origin.equals(subscriberConnectionId)) {
                return false;
            }
            if (selector == null || selector.isBlank()) {
                return true;
            }
            try {
                return Selector.parse(selector).matches(snapshot);
            } catch (InvalidSelectorException e) {
                return false;
            }
        };
    }
}
