package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;

class MessageListenerTest extends FacadeTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void listenerReceivesMessagesInOrderOnAnotherThread(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("listened"));
        List<String> got = new CopyOnWriteArrayList<>();
        AtomicReference<Thread> thread = new AtomicReference<>();
        s.createConsumer(q).setMessageListener(m -> {
            thread.set(Thread.currentThread());
            got.add(textOf(m));
        });
        Session sender = connect(db).createSession();
        send(sender, q, "1", "2", "3");
        await().untilAsserted(() -> assertThat(got).containsExactly("1", "2", "3"));
        assertThat(thread.get()).isNotEqualTo(Thread.currentThread());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void listenerThatThrowsInAutoModeGetsTheMessageRedelivered(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("throwing"));
        List<Integer> counts = new CopyOnWriteArrayList<>();
        s.createConsumer(q).setMessageListener(m -> {
            try {
                counts.add(m.getIntProperty("JMSXDeliveryCount"));
            } catch (JMSException e) {
                throw new java.lang.IllegalStateException(e);
            }
            if (counts.size() == 1) {
                throw new RuntimeException("first delivery fails");
            }
        });
        send(connect(db).createSession(), q, "retry me");
        await().untilAsserted(() -> assertThat(counts).containsExactly(1, 2));
    }

    /**
     * §8.7: in AUTO_ACKNOWLEDGE and DUPS_OK mode a message whose listener threw "will be immediately redelivered":
     * it is the next message that listener gets, marked redelivered, before the messages prefetched after it.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMessageWhoseListenerThrewIsTheNextOneItGets(TestDatabase db) throws JMSException {
        for (int mode : new int[] {Session.AUTO_ACKNOWLEDGE, Session.DUPS_OK_ACKNOWLEDGE}) {
            Connection c = connect(db);
            Queue q = c.createSession().createQueue(unique("fails-once"));
            Session sender = c.createSession(Session.SESSION_TRANSACTED);
            MessageProducer producer = sender.createProducer(q);
            for (int i = 1; i <= 60; i++) {
                producer.send(sender.createTextMessage(String.valueOf(i)));
            }
            sender.commit();
            List<String> seen = new CopyOnWriteArrayList<>();
            AtomicBoolean failed = new AtomicBoolean();
            c.createSession(false, mode).createConsumer(q).setMessageListener(m -> {
                String text = textOf(m);
                try {
                    seen.add(text + (m.getJMSRedelivered() ? " redelivered #" + m.getIntProperty("JMSXDeliveryCount") : ""));
                } catch (JMSException e) {
                    throw new java.lang.IllegalStateException(e);
                }
                if (text.equals("5") && failed.compareAndSet(false, true)) {
                    throw new RuntimeException("the listener fails once on message 5");
                }
            });
            await().until(() -> seen.size() >= 61);
            assertThat(seen.subList(0, 7)).as("acknowledge mode %d", mode)
                    .containsExactly("1", "2", "3", "4", "5", "5 redelivered #2", "6");
            assertThat(seen).hasSize(61).endsWith("60");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void receiveOnASessionWithAListenerIsRefused(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        s.createConsumer(s.createQueue(unique("a"))).setMessageListener(m -> { });
        MessageConsumer other = s.createConsumer(s.createQueue(unique("b")));
        assertThatThrownBy(other::receiveNoWait).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void stopWaitsForTheRunningListenerToReturn(TestDatabase db) throws Exception {
        Connection conn = connect(db);
        Session s = conn.createSession();
        Queue q = s.createQueue(unique("stopping"));
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean returned = new AtomicBoolean();
        s.createConsumer(q).setMessageListener(m -> {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            returned.set(true);
        });
        send(connect(db).createSession(), q, "slow");
        assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
        Thread releaser = new Thread(() -> {
            await().pollDelay(200, TimeUnit.MILLISECONDS).until(() -> true);
            release.countDown();
        });
        releaser.start();
        conn.stop();
        assertThat(returned).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void closingTheConnectionFromItsListenerIsRefused(TestDatabase db) throws JMSException {
        Connection conn = connect(db);
        Session s = conn.createSession();
        Queue q = s.createQueue(unique("self-close"));
        AtomicReference<Exception> failure = new AtomicReference<>();
        s.createConsumer(q).setMessageListener(m -> {
            try {
                conn.close();
            } catch (JMSException e) {
                failure.set(e);
            }
        });
        send(connect(db).createSession(), q, "x");
        await().untilAsserted(() -> assertThat(failure.get()).isInstanceOf(IllegalStateException.class));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void consumerClosedFromItsOwnListenerStopsDelivery(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("close-in-listener"));
        List<String> got = new CopyOnWriteArrayList<>();
        MessageConsumer c = s.createConsumer(q);
        c.setMessageListener(m -> {
            got.add(textOf(m));
            try {
                c.close();
            } catch (JMSException e) {
                throw new java.lang.IllegalStateException(e);
            }
        });
        send(connect(db).createSession(), q, "1", "2");
        await().untilAsserted(() -> assertThat(got).containsExactly("1"));
        Session other = connect(db).createSession();
        assertThat(text(other.createConsumer(q).receive(5000))).isEqualTo("2");
    }

    private static String textOf(Message m) {
        try {
            return text(m);
        } catch (JMSException e) {
            throw new java.lang.IllegalStateException(e);
        }
    }
}
