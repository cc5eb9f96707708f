package org.tablemq.jms.it;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.context.TestFactories;

/**
 * The node {@link StalledNodeIT} freezes: a consumer with a lease of 1000 ms and a prefetch of 20 receives
 * {@value #BEFORE_PAUSE} messages (printing {@code DELIVERED text redelivered} for each, then acknowledging it),
 * prints {@code PAUSED} with the rest of its window still prefetched, and waits for a line on stdin (meanwhile the
 * test stops and resumes this JVM). Then it receives until nothing comes for 3 s, printing each message before
 * acknowledging it ({@code ACK-FAILED text} if that fails, {@code RECEIVE-FAILED reason} if receive() throws), and
 * prints {@code DONE}.
 * <p>
 * Arguments: url, user, tablePrefix, nodeName, queue, acknowledge mode ({@code CLIENT} or {@code AUTO}).
 */
public final class StallingChild {

    static final int BEFORE_PAUSE = 3;

    private StallingChild() {
    }

    public static void main(String[] args) throws Exception {
        TableMQConnectionFactory factory = TestFactories.create(args[0], args[1], args[2]);
        factory.setNodeName(args[3]);
        factory.setLeaseMillis(1000);
        factory.setPrefetch(20);
        try (Connection connection = factory.createConnection()) {
            connection.start();
            int mode = args[5].equals("AUTO") ? Session.AUTO_ACKNOWLEDGE : Session.CLIENT_ACKNOWLEDGE;
            Session session = connection.createSession(false, mode);
            MessageConsumer consumer = session.createConsumer(session.createQueue(args[4]));
            for (int i = 0; i < BEFORE_PAUSE; i++) {
                deliver(consumer.receive(30_000));
            }
            System.out.println("PAUSED");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            while (true) {
                Message m;
                try {
                    m = consumer.receive(3_000);
                } catch (JMSException e) {
                    System.out.println("RECEIVE-FAILED " + e.getMessage());
                    System.out.flush();
                    continue;
                }
                if (m == null) {
                    break;
                }
                deliver(m);
            }
            System.out.println("DONE");
            System.out.flush();
        }
    }

    /** What the application does with a message: uses it (prints it), then acknowledges it. */
    private static void deliver(Message m) throws JMSException {
        String text = ((TextMessage) m).getText();
        System.out.println("DELIVERED " + text + " " + m.getJMSRedelivered());
        System.out.flush();
        try {
            m.acknowledge();
        } catch (JMSException e) {
            System.out.println("ACK-FAILED " + text);
            System.out.flush();
        }
    }
}
