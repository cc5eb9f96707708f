package org.tablemq.sample.order;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

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
 * The order service's subscriber: a durable subscription "order-service" on the payments topic, so events
 * published while this bean is down wait for it. The update and the consumption of the message commit in the
 * container's XA transaction, or neither does.
 * No resource adapter is named here: the server's default MDB resource adapter is TableMQ (see sample-ear/README.md
 * for the jboss-ejb3.xml binding to use where it is not).
 */
@MessageDriven(name = "OrderPaymentListener", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = "payments"),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "order-service"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "order-service"),
        // more than one consumer on a topic subscription needs a shared subscription (JMS 2.0)
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
public class OrderPaymentListener implements MessageListener {

    private static final Logger LOG = System.getLogger(OrderPaymentListener.class.getName());

    @EJB
    private OrderService orders;
    @EJB
    private DeliveryJournal journal;

    @Override
    public void onMessage(Message message) {
        try {
            if (!PaymentSucceeded.TYPE.equals(message.getJMSType())) {
                // consumed, not retried: a message of another type will not become a payment on redelivery
                LOG.log(Level.WARNING, "Ignoring message {0} of type {1} on topic payments",
                        message.getJMSMessageID(), message.getJMSType());
                return;
            }
            PaymentSucceeded event = EventCodec.fromJson(message.getBody(String.class), PaymentSucceeded.class);
            journal.record("order-service", event.orderId(), message.getJMSRedelivered(),
                    message.getIntProperty("JMSXDeliveryCount"));
            if (!orders.applyPayment(event)) {
                // consumed anyway: an event for an order this service never saw cannot succeed on redelivery
                LOG.log(Level.WARNING, "Payment event {0} names unknown order {1}; ignored",
                        message.getJMSMessageID(), event.orderId());
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot read payment event from message on topic payments", e);
        }
    }
}
