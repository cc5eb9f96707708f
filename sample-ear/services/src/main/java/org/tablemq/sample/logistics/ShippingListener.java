package org.tablemq.sample.logistics;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.tablemq.sample.delivery.DeliveryJournal;
import org.tablemq.sample.events.EventCodec;
import org.tablemq.sample.events.PaymentSucceeded;

/**
 * The logistics service's subscriber: durable subscription "logistics-service" on the payments topic.
 * {@code maxSession} bounds how many events it works on at once, so a burst of payments becomes a backlog that
 * drains at this pace (peak shaving) instead of load on the payment path. A failed delivery (stock short) rolls
 * back and is retried; after {@code maxDeliveryAttempts} the event goes to {@code logistics-dlq}, where
 * {@link DeadLetterListener} takes it and publishes the compensating ShipmentFailed.
 */
@MessageDriven(name = "ShippingListener", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "payments"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "logistics-service"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "logistics-service"),
        // more than one consumer on a topic subscription needs a shared subscription (JMS 2.0)
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
        @ActivationConfigProperty(propertyName = "maxDeliveryAttempts", propertyValue = "4"),
        @ActivationConfigProperty(propertyName = "redeliveryDelay", propertyValue = "500"),
        @ActivationConfigProperty(propertyName = "deadLetterQueue", propertyValue = "logistics-dlq")
})
public class ShippingListener implements MessageListener {

    private static final System.Logger LOG = System.getLogger(ShippingListener.class.getName());

    @EJB
    private LogisticsService logistics;
    @EJB
    private DeliveryJournal journal;

    @Override
    public void onMessage(Message message) {
        PaymentSucceeded event;
        try {
            if (!PaymentSucceeded.TYPE.equals(message.getJMSType())) {
                // consumed, not retried: a message of another type will not become a payment on redelivery
                LOG.log(System.Logger.Level.WARNING, "Ignoring message {0} of type {1} on topic payments",
                        message.getJMSMessageID(), message.getJMSType());
                return;
            }
            event = EventCodec.fromJson(message.getBody(String.class), PaymentSucceeded.class);
            journal.record("logistics-service", event.orderId(), message.getJMSRedelivered(),
                    message.getIntProperty("JMSXDeliveryCount"));
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot read payment event from message on topic payments", e);
        }
        logistics.ship(event);
    }
}
