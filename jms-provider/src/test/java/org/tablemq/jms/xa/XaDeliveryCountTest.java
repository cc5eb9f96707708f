package org.tablemq.jms.xa;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.testing.TestDatabase;

/**
 * What a message-driven bean that only calls setRollbackOnly sees: every branch receives one message and is rolled
 * back after end (TMSUCCESS or TMFAIL). With maxDeliveryAttempts = N the message is delivered exactly N times
 * (JMSXDeliveryCount 1..N, never reset), then lands on the dead letter queue, with prefetch 1 and 10 and one or
 * two competing sessions; 20 messages per case so that an intermittent reset shows.
 */
class XaDeliveryCountTest extends XaTestBase {

    private static final int ATTEMPTS = 3;
    private static final int MESSAGES = 20;

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (TestDatabase db : TestDatabase.values()) {
            for (int endFlag : new int[] {XAResource.TMSUCCESS, XAResource.TMFAIL}) {
                for (int prefetch : new int[] {1, 10}) {
                    for (int consumers : new int[] {1, 2}) {
                        all.add(Arguments.of(db, endFlag == XAResource.TMSUCCESS ? "TMSUCCESS" : "TMFAIL", prefetch, consumers));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} end {1} prefetch {2} consumers {3}")
    @MethodSource("cases")
    void branchRolledBackAfterEndRedeliversWithAGrowingCountUntilTheDeadLetterQueue(
            TestDatabase db, String endFlag, int prefetch, int consumers) throws Exception {
        TableMQConnectionFactory f = factory(db);
        f.setPrefetch(prefetch);
        f.setMaxDeliveryAttempts(ATTEMPTS);
        XAConnection conn = closeLater(f.createXAConnection());
        conn.start();
        String name = unique("xa-counted");
        Map<String, List<String>> seen = new ConcurrentHashMap<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Thread> workers = new ArrayList<>();
        List<XASession> sessions = new ArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        int flag = endFlag.equals("TMSUCCESS") ? XAResource.TMSUCCESS : XAResource.TMFAIL;
        for (int i = 0; i < consumers; i++) {
            XASession s = conn.createXASession();
            sessions.add(s);
            MessageConsumer c = s.createConsumer(s.createQueue(name));
            workers.add(new Thread(() -> rollBackEveryDelivery(s, c, flag, running, seen, errors), "xa-count-worker"));
        }
        Session plain = conn.createSession();
        Queue q = plain.createQueue(name);
        send(plain, q, IntStream.range(0, MESSAGES).mapToObj(i -> "m" + i).toArray(String[]::new));
        workers.forEach(Thread::start);

        List<String> deadLettered = new ArrayList<>();
        MessageConsumer dlq = plain.createConsumer(plain.createQueue("DLQ." + name));
        long deadline = System.currentTimeMillis() + 20_000;
        while (deadLettered.size() < MESSAGES && System.currentTimeMillis() < deadline && errors.isEmpty()) {
            Message m = dlq.receive(200);
            if (m != null) {
                deadLettered.add(text(m));
            }
        }
        running.set(false);
        for (Thread t : workers) {
            t.join();
        }
        assertThat(errors).isEmpty();
        assertThat(deadLettered).hasSize(MESSAGES);
        List<String> expected = IntStream.rangeClosed(1, ATTEMPTS).mapToObj(n -> n + "/" + (n > 1)).toList();
        for (int i = 0; i < MESSAGES; i++) {
            assertThat(seen.get("m" + i)).as("deliveries of m" + i + " (count/redelivered)").isEqualTo(expected);
        }
    }

    /** The container's loop for a bean that marks every transaction rollback-only. */
    private static void rollBackEveryDelivery(XASession s, MessageConsumer c, int endFlag, AtomicBoolean running,
                                              Map<String, List<String>> seen, List<Throwable> errors) {
        XAResource xa = s.getXAResource();
        try {
            while (running.get()) {
                TestXid xid = TestXid.fresh("count");
                xa.start(xid, XAResource.TMNOFLAGS);
                Message m = c.receive(100);
                if (m != null) { // onMessage: noted while the branch holds it, so the order per message is exact
                    seen.computeIfAbsent(text(m), k -> new CopyOnWriteArrayList<>())
                            .add(m.getIntProperty("JMSXDeliveryCount") + "/" + m.getJMSRedelivered());
                }
                xa.end(xid, endFlag);
                xa.rollback(xid);
            }
        } catch (Exception | AssertionError e) {
            errors.add(e);
        }
    }
}
