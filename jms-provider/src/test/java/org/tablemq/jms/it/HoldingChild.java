package org.tablemq.jms.it;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.context.TestFactories;

/**
 * The node {@link TwoNodeIT} kills: consumes {@code count} messages in CLIENT_ACKNOWLEDGE mode without ever
 * acknowledging them, prints {@code HOLDING id} for each and then {@code HELD}, and waits to be killed.
 * <p>
 * Arguments: url, user, tablePrefix, nodeName, queue, count.
 */
public final class HoldingChild {

    private HoldingChild() {
    }

    public static void main(String[] args) throws Exception {
        TableMQConnectionFactory factory = TestFactories.create(args[0], args[1], args[2]);
        factory.setNodeName(args[3]);
        factory.setLeaseMillis(1000); // the surviving node should not wait long once this one is dead
        Connection connection = factory.createConnection();
        connection.start();
        Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue(args[4]));
        int count = Integer.parseInt(args[5]);
        for (int held = 0; held < count; ) {
            Message m = consumer.receive(1_000);
            if (m != null) {
                System.out.println("HOLDING " + ((TextMessage) m).getText());
                System.out.flush();
                held++;
            }
        }
        System.out.println("HELD");
        System.out.flush();
        // leases keep being renewed while this process lives: only its death gives the messages back
        Thread.currentThread().join();
    }
}
