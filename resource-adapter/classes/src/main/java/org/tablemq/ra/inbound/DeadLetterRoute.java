package org.tablemq.ra.inbound;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.tablemq.jms.message.TableMQMessage;
import org.tablemq.jms.tx.RedeliveryPolicy;

/**
 * The {@code deadLetterQueue} activation property: a poison message goes to this queue (by name) instead of the
 * provider's default dead letter queue ({@code deadLetterQueuePrefix} + destination name). The provider's attempt limit
 * for the activation is set one higher, so the provider hands the exhausted message to the worker once more; the
 * worker then sends a copy here, with the provider's reason and origin properties, in the same transaction that
 * acknowledges the original — so the message is moved, never lost or duplicated.
 *
 * @param queue       the dead letter queue's name
 * @param maxAttempts deliveries after which a message is moved
 * @param origin      the activation's destination, for the origin property
 * @param source      where the endpoint read it: the destination and, on a topic, the subscription, for the reason
 */
record DeadLetterRoute(String queue, int maxAttempts, String origin, String source) {

    private static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    /** Whether the message was delivered (and failed) maxAttempts times already. */
    boolean exhausted(Message message) throws JMSException {
        return message.propertyExists(DELIVERY_COUNT) && message.getIntProperty(DELIVERY_COUNT) > maxAttempts;
    }

    /** Sends the copy on the session that received the message; its commit (local or XA) acknowledges the original. */
    void move(Session session, Message message) throws JMSException {
        int delivered = message.getIntProperty(DELIVERY_COUNT) - 1;
        TableMQMessage copy = ((TableMQMessage) message).copy();
        copy.setProviderProperty(RedeliveryPolicy.REASON_PROPERTY, "Message from " + source + ": delivery failed "
                + delivered + " times, maxDeliveryAttempts is " + maxAttempts);
        copy.setProviderProperty(RedeliveryPolicy.ORIGIN_PROPERTY, origin);
        try (MessageProducer producer = session.createProducer(session.createQueue(queue))) {
            producer.send(copy, message.getJMSDeliveryMode(), message.getJMSPriority(), 0);
        }
    }
}
