package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;

/**
 * How many messages a consumer holds claimed ahead of its application, seen from a second consumer of the same
 * queue: what the first holds, the second cannot get.
 */
class PrefetchWindowTest extends FacadeTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void windowStartsSmallSoAShortQueueIsShared(TestDatabase db) throws JMSException {
        // a first window of 10 of the 15: 5 left for the other
        assertThat(leftForASecondConsumer(connect(db), 15, 1)).hasSize(5);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void windowDoublesWhileClaimsComeBackFull(TestDatabase db) throws JMSException {
        // a window of 10, then, the first having come back full, one of 20: 30 held, 170 left for the other
        assertThat(leftForASecondConsumer(connect(db), 200, 11)).hasSize(170);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void windowNeverExceedsPrefetch(TestDatabase db) throws JMSException {
        // windows of 10, 15, 15: 40 held after 26 received, 60 left
        assertThat(leftForASecondConsumer(connect(factory(db, f -> f.setPrefetch(15))), 100, 26)).hasSize(60);
    }

    /** Sends {@code sent} messages, receives {@code received} with one consumer, and drains the rest with another. */
    private List<String> leftForASecondConsumer(Connection conn, int sent, int received) throws JMSException {
        Session first = conn.createSession();
        Queue q = first.createQueue(unique("window"));
        sendMany(conn, q, sent);
        MessageConsumer consumer = first.createConsumer(q);
        for (int i = 0; i < received; i++) {
            assertThat(consumer.receive(5000)).isNotNull();
        }
        return drain(conn.createSession().createConsumer(q));
    }

    private void sendMany(Connection conn, Queue q, int count) throws JMSException {
        Session tx = conn.createSession(Session.SESSION_TRANSACTED);
        for (int i = 0; i < count; i++) {
            send(tx, q, "m" + i);
        }
        tx.commit();
        tx.close();
    }
}
