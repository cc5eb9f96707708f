package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
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
        Connection conn = connect(db);
        Session first = conn.createSession();
        Queue q = first.createQueue(unique("short"));
        sendMany(conn, q, 15);

        assertThat(first.createConsumer(q).receive(5000)).isNotNull();

        assertThat(drain(conn.createSession().createConsumer(q))).hasSize(5);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void windowDoublesWhileClaimsComeBackFull(TestDatabase db) throws JMSException {
        Connection conn = connect(db);
        Session first = conn.createSession();
        Queue q = first.createQueue(unique("backlog"));
        sendMany(conn, q, 200);

        MessageConsumer consumer = first.createConsumer(q);
        for (int i = 0; i < 11; i++) {
            assertThat(consumer.receive(5000)).isNotNull();
        }

        // a window of 10, then, the first having come back full, one of 20: 30 held, 170 left for the other
        assertThat(drain(conn.createSession().createConsumer(q))).hasSize(170);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void windowNeverExceedsPrefetch(TestDatabase db) throws JMSException {
        Connection conn = connect(factory(db, f -> f.setPrefetch(15)));
        Session first = conn.createSession();
        Queue q = first.createQueue(unique("bounded"));
        sendMany(conn, q, 100);

        MessageConsumer consumer = first.createConsumer(q);
        for (int i = 0; i < 26; i++) {
            assertThat(consumer.receive(5000)).isNotNull();
        }

        // windows of 10, 15, 15: 40 held after 26 received, 60 left
        assertThat(drain(conn.createSession().createConsumer(q))).hasSize(60);
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
