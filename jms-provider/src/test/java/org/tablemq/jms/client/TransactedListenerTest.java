package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;

/**
 * A transacted session's MessageListener that commits or rolls back from onMessage: the message it is handling is
 * part of that transaction, not of the next one. Each test closes the session afterwards, which rolls back whatever
 * the session still holds, and then looks at the queue.
 */
class TransactedListenerTest extends FacadeTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void commitFromOnMessageConsumesTheMessageItIsHandling(TestDatabase db) throws Exception {
        Connection conn = connect(db);
        Session tx = conn.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(unique("listener-commit"));
        send(conn.createSession(), q, "only");
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        CountDownLatch committed = new CountDownLatch(1);
        tx.createConsumer(q).setMessageListener(m -> {
            try {
                seen.add(text(m));
                tx.commit();
                committed.countDown();
            } catch (JMSException e) {
                errors.add(e);
            }
        });
        assertThat(committed.await(10, TimeUnit.SECONDS)).as("the listener committed").isTrue();
        tx.close(); // waits for onMessage to return, then rolls back what the session still holds

        assertThat(errors).isEmpty();
        assertThat(seen).containsExactly("only");
        assertThat(browse(conn, q)).as("left in the queue after the listener committed").isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rollbackFromOnMessageRedeliversTheMessageAndALaterCommitConsumesIt(TestDatabase db) throws Exception {
        Connection conn = connect(db);
        Session tx = conn.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(unique("listener-rollback"));
        send(conn.createSession(), q, "only");
        List<String> seen = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        CountDownLatch committed = new CountDownLatch(1);
        tx.createConsumer(q).setMessageListener(m -> {
            try {
                seen.add(text(m) + " " + m.getIntProperty("JMSXDeliveryCount") + "/" + m.getJMSRedelivered());
                if (m.getJMSRedelivered()) {
                    tx.commit();
                    committed.countDown();
                } else {
                    tx.rollback();
                }
            } catch (JMSException e) {
                errors.add(e);
            }
        });
        assertThat(committed.await(10, TimeUnit.SECONDS)).as("the listener got the message again and committed").isTrue();
        tx.close();

        assertThat(errors).isEmpty();
        assertThat(seen).containsExactly("only 1/false", "only 2/true");
        assertThat(browse(conn, q)).as("left in the queue after the listener committed").isEmpty();
    }

    private static List<String> browse(Connection conn, Queue q) throws JMSException {
        try (Session s = conn.createSession(); QueueBrowser b = s.createBrowser(q)) {
            List<String> texts = new ArrayList<>();
            for (Object m : Collections.list(b.getEnumeration())) {
                texts.add(text((jakarta.jms.Message) m));
            }
            return texts;
        }
    }
}
