package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;
import org.tablemq.jms.tx.RedeliveryPolicy;

class RedeliveryTest extends FacadeTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void messageGoesToItsDeadLetterQueueAfterMaxDeliveryAttempts(TestDatabase db) throws JMSException {
        Connection conn = connect(factory(db, f -> f.setMaxDeliveryAttempts(2)));
        Session tx = conn.createSession(Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(unique("poison"));
        send(tx, q, "poison");
        tx.commit();
        MessageConsumer c = tx.createConsumer(q);
        assertThat(c.receive(5000)).isNotNull();
        tx.rollback();
        assertThat(c.receive(5000).getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        tx.rollback();
        assertThat(c.receive(300)).isNull();

        Session s = conn.createSession();
        Message dead = s.createConsumer(s.createQueue("DLQ." + q.getQueueName())).receive(5000);
        assertThat(text(dead)).isEqualTo("poison");
        assertThat(dead.getStringProperty("JMS_TableMQ_DLQReason")).contains(q.getQueueName()).contains("2");
        assertThat(dead.getStringProperty("JMS_TableMQ_DLQOrigin")).contains(q.getQueueName());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void redeliveryDelayHoldsARolledBackMessageBack(TestDatabase db) throws JMSException {
        Session tx = connect(factory(db, f -> f.setRedeliveryDelay(1000))).createSession(Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(unique("delayed-redelivery"));
        send(tx, q, "later");
        tx.commit();
        MessageConsumer c = tx.createConsumer(q);
        c.receive(5000);
        long rolledBack = System.currentTimeMillis();
        tx.rollback();
        assertThat(c.receiveNoWait()).isNull();
        assertThat(text(c.receive(10_000))).isEqualTo("later");
        assertThat(System.currentTimeMillis() - rolledBack).isGreaterThanOrEqualTo(900);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deadLetterQueuePrefixIsConfigurable(TestDatabase db) throws JMSException {
        Connection conn = connect(factory(db, f -> {
            f.setMaxDeliveryAttempts(1);
            f.setDeadLetterQueuePrefix("dead.");
        }));
        Session s = conn.createSession(Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("prefixed"));
        send(s, q, "x");
        s.createConsumer(q).receive(5000);
        s.recover();
        Session other = conn.createSession();
        assertThat(text(other.createConsumer(other.createQueue("dead." + q.getQueueName())).receive(5000))).isEqualTo("x");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void claimedMessageBeyondMaxDeliveryAttemptsIsDeadLetteredInsteadOfDelivered(TestDatabase db) throws JMSException {
        Session tx = connect(db).createSession(Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(unique("crash-loop"));
        send(tx, q, "looping");
        tx.commit();
        MessageConsumer c = tx.createConsumer(q);
        for (int i = 0; i < 2; i++) {
            assertThat(c.receive(5000)).isNotNull();
            tx.rollback();
        }
        c.close();
        // A stricter configuration on the same store now sees a message already delivered twice.
        Session strict = connect(factory(db, f -> f.setMaxDeliveryAttempts(1))).createSession();
        assertThat(strict.createConsumer(q).receive(300)).isNull();
        Message dead = strict.createConsumer(strict.createQueue("DLQ." + q.getQueueName())).receive(5000);
        assertThat(text(dead)).isEqualTo("looping");
        assertThat(dead.getStringProperty(RedeliveryPolicy.REASON_PROPERTY)).contains("more than maxDeliveryAttempts 1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void listenerThatAlwaysThrowsSendsTheMessageToTheDeadLetterQueue(TestDatabase db) throws JMSException {
        Connection conn = connect(factory(db, f -> f.setMaxDeliveryAttempts(3)));
        Session s = conn.createSession();
        Queue q = s.createQueue(unique("always-fails"));
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        s.createConsumer(q).setMessageListener(m -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("cannot handle this");
        });
        send(conn.createSession(), q, "unhandled");
        Session other = conn.createSession();
        Message dead = other.createConsumer(other.createQueue("DLQ." + q.getQueueName())).receive(10_000);
        assertThat(text(dead)).isEqualTo("unhandled");
        assertThat(attempts).hasValue(3);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void queueWithTheLongestNameIsDeadLetteredWithinTheNameLimit(TestDatabase db) throws JMSException {
        Connection conn = connect(factory(db, f -> f.setMaxDeliveryAttempts(1)));
        Session tx = conn.createSession(Session.SESSION_TRANSACTED);
        String name = unique("poison") + "-" + "p".repeat(1984);
        Queue q = tx.createQueue(name);
        send(tx, q, "poison");
        tx.commit();
        assertThat(tx.createConsumer(q).receive(5000)).isNotNull();
        tx.rollback();

        Session s = conn.createSession();
        assertThat(s.createConsumer(q).receive(300)).isNull();
        String dlq = new RedeliveryPolicy(0, 1.0, 0, 1, "DLQ.").deadLetterQueue(q.getQueueName());
        assertThat(dlq.length()).isEqualTo(2000);
        Message dead = s.createConsumer(s.createQueue(dlq)).receive(5000);
        assertThat(text(dead)).isEqualTo("poison");
        assertThat(dead.getStringProperty("JMS_TableMQ_DLQOrigin")).contains(name);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void subscriptionWithTheLongestNamesIsDeadLetteredWithItsReason(TestDatabase db) throws JMSException {
        Connection conn = factory(db, f -> f.setMaxDeliveryAttempts(1)).createConnection();
        try {
            conn.setClientID(unique("client") + "c".repeat(980));
            conn.start();
            Session tx = conn.createSession(Session.SESSION_TRANSACTED);
            Topic t = tx.createTopic(unique("topic") + "t".repeat(1980));
            MessageConsumer sub = tx.createDurableConsumer(t, unique("sub") + "s".repeat(980));
            tx.createProducer(t).send(tx.createTextMessage("poison"));
            tx.commit();
            assertThat(sub.receive(5000)).isNotNull();
            tx.rollback();

            Session s = conn.createSession();
            String dlq = new RedeliveryPolicy(0, 1.0, 0, 1, "DLQ.").deadLetterQueue(t.getTopicName());
            Message dead = s.createConsumer(s.createQueue(dlq)).receive(5000);
            assertThat(text(dead)).isEqualTo("poison");
            assertThat(dead.getStringProperty("JMS_TableMQ_DLQReason")).endsWith("maxDeliveryAttempts is 1");
        } finally {
            conn.close();
        }
    }
}
