package org.tablemq.sample.order;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

import org.tablemq.sample.events.Channels;
import org.tablemq.sample.events.EventCodec;
import org.tablemq.sample.events.ShipmentFailed;

/**
 * The order service's subscriber to the compensating events: a durable subscription "order-service-shipments" on
 * the topic {@code shipments}. A ShipmentFailed marks the order REFUND_DUE; the update and the consumption of the
 * message commit in the container's XA transaction, or neither does. Its own client id, as a client id belongs
 * to one connection and each activation has its own.
 */
@MessageDriven(name = "OrderShipmentListener", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic"),
        @ActivationConfigProperty(propertyName = "destination", propertyValue = Channels.SHIPMENTS),
        @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
        @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "order-service-shipments"),
        @ActivationConfigProperty(propertyName = "clientId", propertyValue = "order-service-shipments"),
        @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
public class OrderShipmentListener implements MessageListener {

    private static final Logger LOG = System.getLogger(OrderShipmentListener.class.getName());

    @EJB
    private OrderService orders;

    @Override
    public void onMessage(Message message) {
        try {
            if (!ShipmentFailed.TYPE.equals(message.getJMSType())) {
                // consumed, not retried: a message of another type will not become a ShipmentFailed on redelivery
                LOG.log(Level.WARNING, "Ignoring message {0} of type {1} on topic shipments",
                        message.getJMSMessageID(), message.getJMSType());
                return;
            }
            ShipmentFailed event = EventCodec.fromJson(message.getBody(String.class), ShipmentFailed.class);
            if (!orders.applyShipmentFailed(event)) {
                LOG.log(Level.WARNING, "ShipmentFailed event {0} names unknown order {1}; ignored",
                        message.getJMSMessageID(), event.orderId());
            }
        } catch (JMSException e) {
            throw new IllegalStateException("Cannot read ShipmentFailed event from message on topic shipments", e);
        }
    }
}
