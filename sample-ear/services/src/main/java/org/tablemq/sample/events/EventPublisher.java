package org.tablemq.sample.events;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;

/**
 * Publishes an order event the way every service of the sample does: JSON-B in a TextMessage, {@code JMSType} the
 * event's type, the order id as a long property for selectors. Inside a JTA transaction the context joins it, so
 * the event becomes visible only if that transaction commits.
 */
public final class EventPublisher {

    private EventPublisher() {
    }

    public static void publish(ConnectionFactory factory, String topic, String type, long orderId, Object event)
            throws JMSException {
        try (JMSContext jms = factory.createContext()) {
            TextMessage message = jms.createTextMessage(EventCodec.toJson(event));
            message.setJMSType(type);
            message.setLongProperty(Channels.ORDER_ID_PROPERTY, orderId);
            jms.createProducer().send(jms.createTopic(topic), message);
        }
    }
}
