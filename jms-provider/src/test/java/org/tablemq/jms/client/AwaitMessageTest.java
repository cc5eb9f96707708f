package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;

/** {@link TableMQMessageConsumer#awaitMessage}: waits for a message without receiving it. */
class AwaitMessageTest extends FacadeTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void reportsAMessageWithoutReceivingIt(TestDatabase db) throws JMSException {
        Connection conn = connect(db);
        Session session = conn.createSession();
        Queue q = session.createQueue(unique("await"));
        TableMQMessageConsumer consumer = (TableMQMessageConsumer) session.createConsumer(q);

        assertThat(consumer.awaitMessage(200)).as("empty queue").isFalse();
        send(conn.createSession(), q, "ready");
        assertThat(consumer.awaitMessage(5_000)).isTrue();
        assertThat(consumer.awaitMessage(0)).as("still there: it was not received").isTrue();

        assertThat(text(consumer.receiveNoWait())).isEqualTo("ready");
        assertThat(consumer.awaitMessage(200)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMessageWaitedForButNotReceivedGoesToOthersWhenTheConsumerCloses(TestDatabase db) throws JMSException {
        Connection conn = connect(db);
        Queue q = conn.createSession().createQueue(unique("await-close"));
        send(conn.createSession(), q, "not taken");
        TableMQMessageConsumer waiting = (TableMQMessageConsumer) conn.createSession().createConsumer(q);
        assertThat(waiting.awaitMessage(5_000)).isTrue();

        waiting.close();

        var other = conn.createSession().createConsumer(q).receive(5_000);
        assertThat(text(other)).isEqualTo("not taken");
        assertThat(other.getJMSRedelivered()).as("never delivered, so not redelivered").isFalse();
    }
}
