package org.tablemq.sample.logistics;

import java.time.Instant;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.tablemq.sample.events.Channels;

/**
 * The logistics service's consumer of its own dead letter queue {@code logistics-dlq}. For each dead letter, in one
 * XA transaction: the message is consumed, recorded in the logistics database (the page's "Dead letters" and
 * FAILED come from there, as the queue is now drained) and, for a payment event, the compensating ShipmentFailed
 * is published to the topic {@code shipments}.
 * Any message on the queue is recorded and consumed, whatever it holds: a dead letter queue's messages are not
 * dead-lettered again, so one that failed here every time would be retried for ever. Only a failure to write
 * (database or publish) rolls back, and is retried after {@code redeliveryDelay}, growing by {@code redeliveryBackoff}.
 */
@MessageDriven(name = "DeadLetterListener", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Channels.LOGISTICS_DEAD_LETTERS),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
        @ActivationConfigProperty(propertyName = "redeliveryDelay", propertyValue = "1000"),
        @ActivationConfigProperty(propertyName = "redeliveryBackoff", propertyValue = "2")
})
public class DeadLetterListener implements MessageListener {

    private static final System.Logger LOG = System.getLogger(DeadLetterListener.class.getName());

    @EJB
    private LogisticsService logistics;

    @Override
    public void onMessage(Message message) {
        DeadLetter letter;
        try {
            Long orderId = message.propertyExists(Channels.ORDER_ID_PROPERTY)
                    ? message.getLongProperty(Channels.ORDER_ID_PROPERTY) : null;
            letter = new DeadLetter(message.getJMSMessageID(), orderId, message.getJMSType(),
                    message.getStringProperty(Channels.DEAD_LETTER_REASON_PROPERTY),
                    message.getStringProperty(Channels.DEAD_LETTER_ORIGIN_PROPERTY), Instant.now());
        } catch (JMSException | NumberFormatException e) {
            // recorded without an order rather than retried: reading the same headers again fails the same way
            LOG.log(System.Logger.Level.WARNING, "Dead letter with unreadable headers on " + Channels.LOGISTICS_DEAD_LETTERS, e);
            letter = new DeadLetter(messageIdOf(message), null, null, "unreadable: " + e.getMessage(), null, Instant.now());
        }
        if (logistics.deadLettered(letter)) {
            LOG.log(System.Logger.Level.INFO, "Order {0} not shipped ({1}); ShipmentFailed published",
                    letter.orderId(), letter.reason());
        }
    }

    private static String messageIdOf(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return null;
        }
    }
}
