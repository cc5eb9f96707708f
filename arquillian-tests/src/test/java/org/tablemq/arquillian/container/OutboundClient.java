package org.tablemq.arquillian.container;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;

/** An EJB using the adapter's outbound connection factory the way applications do. */
@Stateless
public class OutboundClient {

    @Resource(lookup = ItResources.CONNECTION_FACTORY)
    private ConnectionFactory connectionFactory;

    /** Sends in one transaction (committed when this method returns), with the test's key as a property. */
    public void send(String queue, String text, String key) {
        try (JMSContext jms = connectionFactory.createContext()) {
            jms.createProducer().setProperty(ItResources.KEY, key).send(jms.createQueue(queue), text);
        }
    }

    /** Receives the first message with this key in another transaction: it was committed by {@link #send}. */
    public String receive(String queue, String key, long timeoutMillis) {
        try (JMSContext jms = connectionFactory.createContext();
             JMSConsumer consumer = jms.createConsumer(jms.createQueue(queue), ItResources.KEY + " = '" + key + "'")) {
            return consumer.receiveBody(String.class, timeoutMillis);
        }
    }

    /** Returns what the second createSession on one connection threw, or null if it was allowed. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Exception secondSessionOnOneConnection() throws JMSException {
        try (Connection connection = connectionFactory.createConnection()) {
            connection.createSession();
            try {
                connection.createSession();
                return null;
            } catch (JMSException e) {
                return e;
            }
        }
    }

    /** Returns what setMessageListener threw in the container, or null if it was allowed. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Exception messageListenerOnAConsumer(String queue) throws JMSException {
        try (Connection connection = connectionFactory.createConnection()) {
            Session session = connection.createSession();
            Queue q = session.createQueue(queue);
            try (MessageConsumer consumer = session.createConsumer(q)) {
                consumer.setMessageListener(m -> { });
                return null;
            } catch (JMSException e) {
                return e;
            }
        }
    }
}
