package org.tablemq.jms.it;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Session;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.context.TestFactories;

/**
 * What {@link H2BigMessageIT} runs under a small heap: with {@code maxMessageSize} at its maximum, sends small
 * messages, one message just below the store's limit and one far above it, printing {@code SENT name} for each send
 * that returned and {@code REFUSED message} for a {@link ResourceAllocationException}, then {@code DONE}.
 * <p>
 * Arguments: url, user, tablePrefix, queue, bytes of the big message, bytes of the one just below the limit.
 */
public final class BigMessageChild {

    private BigMessageChild() {
    }

    public static void main(String[] args) throws Exception {
        TableMQConnectionFactory factory = TestFactories.create(args[0], args[1], args[2]);
        factory.setMaxMessageSize(Integer.MAX_VALUE - 8);
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(args[3]));
            for (int i = 1; i <= 3; i++) {
                send(session, producer, "small-" + i, 1000);
            }
            send(session, producer, "too-big", Integer.parseInt(args[4]));
            send(session, producer, "just-below", Integer.parseInt(args[5]));
            send(session, producer, "small-after", 1000);
        }
        TableMQConnectionFactory.closeIdleStores();
        System.out.println("DONE");
        System.out.flush();
    }

    private static void send(Session session, MessageProducer producer, String name, int size) throws JMSException {
        BytesMessage m = session.createBytesMessage();
        m.setStringProperty("name", name);
        m.writeBytes(new byte[size]);
        try {
            producer.send(m);
            System.out.println("SENT " + name);
        } catch (ResourceAllocationException e) {
            System.out.println("REFUSED " + e.getMessage());
        } catch (JMSException | RuntimeException | OutOfMemoryError e) {
            System.out.println("FAILED " + name + ": " + e);
        }
        System.out.flush();
    }
}
