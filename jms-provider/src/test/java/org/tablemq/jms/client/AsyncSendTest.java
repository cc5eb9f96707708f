package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.CompletionListener;
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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;

class AsyncSendTest extends FacadeTestBase {

    /** Records completions and the threads they ran on. */
    private static final class Recorder implements CompletionListener {
        final List<String> completed = new CopyOnWriteArrayList<>();
        final List<Thread> threads = new CopyOnWriteArrayList<>();
        final List<Exception> failures = new CopyOnWriteArrayList<>();

        @Override
        public void onCompletion(Message message) {
            threads.add(Thread.currentThread());
            try {
                completed.add(text(message));
            } catch (JMSException e) {
                failures.add(e);
            }
        }

        @Override
        public void onException(Message message, Exception exception) {
            failures.add(exception);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void completionListenerIsCalledInSendOrderOnAnotherThread(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("async"));
        MessageProducer p = s.createProducer(q);
        Recorder r = new Recorder();
        for (int i = 1; i <= 5; i++) {
            p.send(s.createTextMessage(String.valueOf(i)), r);
        }
        await().untilAsserted(() -> assertThat(r.completed).containsExactly("1", "2", "3", "4", "5"));
        assertThat(r.threads).doesNotContain(Thread.currentThread());
        assertThat(r.failures).isEmpty();
        assertThat(drain(s.createConsumer(q))).containsExactly("1", "2", "3", "4", "5");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void committingFromACompletionListenerIsRefused(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession(Session.SESSION_TRANSACTED);
        Queue q = s.createQueue(unique("async-commit"));
        AtomicReference<Exception> refused = new AtomicReference<>();
        s.createProducer(q).send(s.createTextMessage("x"), new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                try {
                    s.commit();
                } catch (JMSException e) {
                    refused.set(e);
                }
            }

            @Override
            public void onException(Message message, Exception exception) {
                refused.set(exception);
            }
        });
        await().untilAsserted(() -> assertThat(refused.get()).isInstanceOf(IllegalStateException.class));
    }

    /** Only a MessageListener may not stop its own connection; a CompletionListener may (spec 7.3.8 lists what it may not). */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void stoppingTheConnectionFromACompletionListenerIsAllowed(TestDatabase db) throws JMSException {
        Connection c = connect(db);
        Session s = c.createSession();
        Queue q = s.createQueue(unique("async-stop"));
        MessageConsumer consumer = s.createConsumer(q);
        AtomicReference<Object> outcome = new AtomicReference<>();
        s.createProducer(q).send(s.createTextMessage("x"), new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                try {
                    c.stop();
                    outcome.set("stopped");
                } catch (JMSException e) {
                    outcome.set(e);
                }
            }

            @Override
            public void onException(Message message, Exception exception) {
                outcome.set(exception);
            }
        });
        await().until(() -> outcome.get() != null);
        assertThat(outcome.get()).isEqualTo("stopped");
        assertThat(consumer.receiveNoWait()).as("the stopped connection delivers nothing").isNull();
        c.start();
        assertThat(text(consumer.receive(5000))).isEqualTo("x");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void failedAsynchronousSendIsReportedToTheListener(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        jakarta.jms.TemporaryQueue gone = s.createTemporaryQueue();
        gone.delete();
        Recorder r = new Recorder();
        try {
            s.createProducer(gone).send(s.createTextMessage("lost?"), r);
        } catch (JMSException refusedAtOnce) {
            // refusing before the asynchronous part is allowed too: nothing was sent either way
            assertThat(refusedAtOnce).hasMessageContaining(gone.getQueueName());
            return;
        }
        await().untilAsserted(() -> assertThat(r.failures).hasSize(1));
    }
}
