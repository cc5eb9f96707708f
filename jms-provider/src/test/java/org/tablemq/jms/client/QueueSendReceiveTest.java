package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.ResourceAllocationException;
import jakarta.jms.Session;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;

class QueueSendReceiveTest extends FacadeTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void receiveReturnsTheMessageThatWasSent(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("orders"));
        send(s, q, "hello");
        assertThat(text(s.createConsumer(q).receive(5000))).isEqualTo("hello");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void receiveNoWaitReturnsNullWhenQueueIsEmpty(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        assertThat(s.createConsumer(s.createQueue(unique("empty"))).receiveNoWait()).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void autoAcknowledgedMessageIsNotDeliveredTwice(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("once"));
        send(s, q, "one");
        MessageConsumer c = s.createConsumer(q);
        assertThat(text(c.receive(5000))).isEqualTo("one");
        c.close();
        assertThat(s.createConsumer(q).receive(300)).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void receiveWaitsForAMessageSentLater(TestDatabase db) throws Exception {
        Connection conn = connect(db);
        Session s = conn.createSession();
        Queue q = s.createQueue(unique("later"));
        MessageConsumer c = s.createConsumer(q);
        CompletableFuture<Message> got = CompletableFuture.supplyAsync(() -> {
            try {
                return c.receive(10_000);
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
        Session other = conn.createSession();
        send(other, q, "late");
        assertThat(text(got.get(15, TimeUnit.SECONDS))).isEqualTo("late");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void messagesOfOneProducerArriveInSendOrder(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("fifo"));
        send(s, q, "1", "2", "3", "4", "5");
        assertThat(drain(s.createConsumer(q))).containsExactly("1", "2", "3", "4", "5");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void higherPriorityIsDeliveredFirst(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("prio"));
        MessageProducer p = s.createProducer(q);
        p.send(s.createTextMessage("low"), DeliveryMode.PERSISTENT, 1, 0);
        p.send(s.createTextMessage("high"), DeliveryMode.PERSISTENT, 9, 0);
        assertThat(drain(s.createConsumer(q))).containsExactly("high", "low");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void expiredMessageIsNeverDelivered(TestDatabase db) throws Exception {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("ttl"));
        MessageProducer p = s.createProducer(q);
        Message shortLived = s.createTextMessage("short-lived");
        p.send(shortLived, DeliveryMode.PERSISTENT, 4, 1);
        p.send(s.createTextMessage("lasting"));
        await().until(() -> System.currentTimeMillis() > shortLived.getJMSExpiration());
        assertThat(drain(s.createConsumer(q))).containsExactly("lasting");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deliveryDelayHoldsTheMessageBack(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("delay"));
        MessageProducer p = s.createProducer(q);
        p.setDeliveryDelay(1500);
        long sent = System.currentTimeMillis();
        p.send(s.createTextMessage("delayed"));
        MessageConsumer c = s.createConsumer(q);
        assertThat(c.receiveNoWait()).isNull();
        assertThat(text(c.receive(10_000))).isEqualTo("delayed");
        assertThat(System.currentTimeMillis() - sent).isGreaterThanOrEqualTo(1400);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void delayedMessageCommittedWithAnImmediateOneIsDeliveredWhenItsTimeComes(TestDatabase db) throws JMSException {
        Connection conn = connect(db);
        Session tx = conn.createSession(Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(unique("delay-mixed"));
        MessageProducer p = tx.createProducer(q);
        p.send(tx.createTextMessage("now"));
        p.setDeliveryDelay(700);
        long sent = System.currentTimeMillis();
        p.send(tx.createTextMessage("later"));
        MessageConsumer c = conn.createSession().createConsumer(q);
        assertThat(c.receive(300)).as("nothing committed yet").isNull();
        tx.commit();

        assertThat(text(c.receive(10_000))).isEqualTo("now");
        // the consumer now waits; the delayed message must wake it when its time comes, not some later news
        assertThat(text(c.receive(10_000))).isEqualTo("later");
        assertThat(System.currentTimeMillis() - sent).isBetween(650L, 3_000L);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sendSetsTheHeaderFields(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("headers"));
        Message m = s.createTextMessage("h");
        s.createProducer(q).send(m, DeliveryMode.NON_PERSISTENT, 7, 60_000);
        Message got = s.createConsumer(q).receive(5000);
        assertThat(got.getJMSMessageID()).startsWith("ID:").isEqualTo(m.getJMSMessageID());
        assertThat(got.getJMSDestination()).isEqualTo(q);
        assertThat(got.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(got.getJMSPriority()).isEqualTo(7);
        assertThat(got.getJMSExpiration()).isGreaterThan(got.getJMSTimestamp()).isGreaterThan(0);
        assertThat(got.getJMSRedelivered()).isFalse();
        assertThat(got.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void disabledMessageIdAndTimestampAreNotSet(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("noid"));
        MessageProducer p = s.createProducer(q);
        p.setDisableMessageID(true);
        p.setDisableMessageTimestamp(true);
        p.send(s.createTextMessage("anonymous"));
        Message got = s.createConsumer(q).receive(5000);
        assertThat(got.getJMSMessageID()).isNull();
        assertThat(got.getJMSTimestamp()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void stoppedConnectionDeliversNothingUntilStarted(TestDatabase db) throws JMSException {
        Connection conn = connect(db);
        Session s = conn.createSession();
        Queue q = s.createQueue(unique("stopped"));
        send(s, q, "wait");
        conn.stop();
        MessageConsumer c = s.createConsumer(q);
        assertThat(c.receive(300)).isNull();
        conn.start();
        assertThat(text(c.receive(5000))).isEqualTo("wait");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void selectorConsumerGetsOnlyMatchingMessagesAndLeavesTheRest(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("selected"));
        MessageProducer p = s.createProducer(q);
        for (String color : new String[] {"red", "blue", "red"}) {
            Message m = s.createTextMessage(color);
            m.setStringProperty("color", color);
            p.send(m);
        }
        assertThat(drain(s.createConsumer(q, "color = 'red'"))).containsExactly("red", "red");
        assertThat(drain(s.createConsumer(q))).containsExactly("blue");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void invalidSelectorFailsWhenTheConsumerIsCreated(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("badselector"));
        assertThatThrownBy(() -> s.createConsumer(q, "color = = 'red'")).isInstanceOf(InvalidSelectorException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void queueNamesWithQuotesAndSqlAreStoredAsData(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue("it's'; DROP TABLE x; --" + unique(""));
        send(s, q, "safe");
        assertThat(text(s.createConsumer(q).receive(5000))).isEqualTo("safe");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void oversizeMessageIsRefusedWithResourceAllocationException(TestDatabase db) throws JMSException {
        Session s = connect(factory(db, f -> f.setMaxMessageSize(1000))).createSession();
        Queue q = s.createQueue(unique("big"));
        assertThatThrownBy(() -> send(s, q, "x".repeat(5000)))
                .isInstanceOf(ResourceAllocationException.class)
                .hasMessageContaining(q.getQueueName()).hasMessageContaining("1000");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void emptyOrNullQueueNameIsRefused(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        assertThatThrownBy(() -> s.createQueue("")).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createQueue(null)).isInstanceOf(InvalidDestinationException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sendToNullDestinationIsRefused(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        MessageProducer anonymous = s.createProducer(null);
        assertThatThrownBy(() -> anonymous.send(null, s.createTextMessage("x"))).isInstanceOf(InvalidDestinationException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void persistentMessageOutlivesTheConnectionThatSentIt(TestDatabase db) throws JMSException {
        var f = factory(db);
        String name = unique("durable");
        Connection first = f.createConnection();
        Session s1 = first.createSession();
        send(s1, s1.createQueue(name), "kept");
        first.close();
        Session s2 = connect(f).createSession();
        assertThat(text(s2.createConsumer(s2.createQueue(name)).receive(5000))).isEqualTo("kept");
    }
}
