package org.tablemq.jms.it;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.context.TestFactories;

/**
 * The process {@link CrashIT} kills: sends and consumes persistent messages forever, transacted and not, and
 * writes one stdout line before and one after each send/commit/acknowledge, so the parent knows which calls
 * returned. Lines: {@code SENDING id}, {@code SENT id}, {@code RECEIVED id redelivered},
 * {@code CONSUMING id}, {@code CONSUMED id}, and {@code READY} once connected.
 * <p>
 * Arguments: url, user, tablePrefix, queue, round, seed.
 */
public final class CrashChild {

    private static final PrintStream OUT = System.out;

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        String prefix = args[2];
        String queueName = args[3];
        String round = args[4];
        Random random = new Random(Long.parseLong(args[5]));
        TableMQConnectionFactory factory = TestFactories.create(url, user, prefix);
        factory.setLeaseMillis(1000); // the next round and the drain need not wait long for this node's claims
        factory.setNodeName("crash-child-" + round);
        Connection connection = factory.createConnection();
        connection.start();
        Session auto = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session transacted = connection.createSession(true, Session.SESSION_TRANSACTED);
        Session client = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
        Queue queue = auto.createQueue(queueName);
        MessageProducer plainProducer = auto.createProducer(queue);
        MessageProducer txProducer = transacted.createProducer(queue);
        plainProducer.setDeliveryMode(DeliveryMode.PERSISTENT);
        txProducer.setDeliveryMode(DeliveryMode.PERSISTENT);
        MessageConsumer txConsumer = transacted.createConsumer(queue);
        MessageConsumer clientConsumer = client.createConsumer(queue);
        line("READY");
        long n = 0;
        while (true) {
            int op = random.nextInt(100);
            if (op < 35) {
                String id = round + "-" + n++;
                line("SENDING " + id);
                plainProducer.send(auto.createTextMessage(id));
                line("SENT " + id);
            } else if (op < 65) {
                List<String> ids = new ArrayList<>();
                for (int i = 1 + random.nextInt(3); i > 0; i--) {
                    String id = round + "-" + n++;
                    ids.add(id);
                    line("SENDING " + id);
                    txProducer.send(transacted.createTextMessage(id));
                }
                transacted.commit();
                ids.forEach(id -> line("SENT " + id));
            } else if (op < 85) {
                Message m = txConsumer.receive(200);
                if (m != null) {
                    String id = received(m);
                    line("CONSUMING " + id);
                    transacted.commit();
                    line("CONSUMED " + id);
                }
            } else {
                Message m = clientConsumer.receive(200);
                if (m != null) {
                    String id = received(m);
                    line("CONSUMING " + id);
                    m.acknowledge();
                    line("CONSUMED " + id);
                }
            }
        }
    }

    private static String received(Message m) throws Exception {
        String id = ((TextMessage) m).getText();
        line("RECEIVED " + id + " " + m.getJMSRedelivered());
        return id;
    }

    private static void line(String text) {
        OUT.println(text);
        OUT.flush();
    }
}
