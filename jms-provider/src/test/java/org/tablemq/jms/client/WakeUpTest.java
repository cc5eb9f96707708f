package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;

/**
 * A new message wakes one waiting consumer, not all of them; these tests make sure that no message is left
 * waiting in the queue while a consumer that could take it sleeps.
 */
class WakeUpTest extends FacadeTestBase {

    private static final long RECEIVE_TIMEOUT_MILLIS = 20_000;

    private static final String RECEIVER = "wake-up-test-receiver";

    private final ExecutorService receivers = Executors.newCachedThreadPool(r -> new Thread(r, RECEIVER));

    @AfterEach
    void stopReceivers() {
        receivers.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void consumerWokenWhileItsConnectionIsStoppedPassesTheMessageOn(TestDatabase db) throws Exception {
        // which waiter the message wakes is up to the JVM: several rounds make it likely both orders are seen
        for (int round = 0; round < 4; round++) {
            Connection stopped = connect(db);
            Connection running = connect(db);
            Queue q = running.createSession().createQueue(unique("pass-on"));
            MessageConsumer idle = stopped.createSession().createConsumer(q);
            MessageConsumer taker = running.createSession().createConsumer(q);
            Future<Message> idleGot = receivers.submit(() -> idle.receive(RECEIVE_TIMEOUT_MILLIS));
            Future<Message> takerGot = receivers.submit(() -> taker.receive(RECEIVE_TIMEOUT_MILLIS));
            await().atMost(Duration.ofSeconds(10)).until(() -> receiversWaiting("Arrivals") == 2);
            stopped.stop();
            // Both wait again (for news, or the stopped one for its connection to start), so neither is in the middle
            // of a claim: a claim begun before stop() could rightly take the message into the stopped one's window.
            // (H2's poll for other nodes' messages wakes every waiter now and then.)
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> receiversWaiting("Arrivals") + receiversWaiting("StartGate") == 2);

            send(running.createSession(), q, "only one");

            assertThat(text(takerGot.get(5, TimeUnit.SECONDS))).as("round %d", round).isEqualTo("only one");
            stopped.close();
            assertThat(idleGot.get(5, TimeUnit.SECONDS)).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyWaitingConsumerGetsOneOfAsManyMessages(TestDatabase db) throws Exception {
        // a window of one: a woken consumer must not take the messages meant to wake the others
        Connection conn = connect(factory(db, f -> f.setPrefetch(1)));
        Queue q = conn.createSession().createQueue(unique("fan-in"));
        List<Future<Message>> got = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            MessageConsumer c = conn.createSession().createConsumer(q);
            got.add(receivers.submit(() -> c.receive(RECEIVE_TIMEOUT_MILLIS)));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> receiversWaiting("Arrivals") == 4);

        Session producer = conn.createSession();
        for (int i = 0; i < 4; i++) {
            send(producer, q, "m" + i);   // one at a time: each send wakes one consumer
        }

        List<String> texts = new ArrayList<>();
        for (Future<Message> f : got) {
            texts.add(text(f.get(5, TimeUnit.SECONDS)));
        }
        assertThat(texts).containsExactlyInAnyOrder("m0", "m1", "m2", "m3");
    }

    /**
     * Receiver threads blocked in a wait of the named class: {@code Arrivals} (news of their empty queue) or
     * {@code StartGate} (their stopped connection to start).
     */
    private static int receiversWaiting(String simpleClassName) {
        int n = 0;
        for (Map.Entry<Thread, StackTraceElement[]> t : Thread.getAllStackTraces().entrySet()) {
            if (t.getKey().getName().equals(RECEIVER) && t.getKey().getState() == Thread.State.TIMED_WAITING
                    && Arrays.stream(t.getValue()).anyMatch(e -> e.getClassName().endsWith("." + simpleClassName)
                    && e.getMethodName().startsWith("await"))) {
                n++;
            }
        }
        return n;
    }
}
