package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tablemq.jms.testing.TestDatabase;

/**
 * The delivery-count invariant end to end: with maxDeliveryAttempts = N, a message whose every delivery fails is
 * delivered exactly N times (JMSXDeliveryCount 1..N, JMSRedelivered false then true), then lands on the dead letter
 * queue; for every way a delivery can fail, with prefetch 1 and 10, and with one and two competing consumers.
 */
class DeliveryCountTest extends FacadeTestBase {

    private static final int ATTEMPTS = 3;
    private static final int MESSAGES = 20;

    /** How a consumer fails every delivery. */
    enum Failure {
        TRANSACTED_ROLLBACK, TRANSACTED_LISTENER_ROLLBACK, CLIENT_RECOVER, AUTO_LISTENER_THROWS
    }

    static Stream<Arguments> cases() {
        List<Arguments> all = new ArrayList<>();
        for (TestDatabase db : TestDatabase.values()) {
            for (Failure f : Failure.values()) {
                for (int prefetch : new int[] {1, 10}) {
                    for (int consumers : new int[] {1, 2}) {
                        all.add(Arguments.of(db, f, prefetch, consumers));
                    }
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0} {1} prefetch {2} consumers {3}")
    @MethodSource("cases")
    void messageAlwaysFailingIsDeliveredExactlyMaxAttemptsTimesThenDeadLettered(
            TestDatabase db, Failure failure, int prefetch, int consumers) throws Exception {
        Connection conn = connect(factory(db, f -> {
            f.setPrefetch(prefetch);
            f.setMaxDeliveryAttempts(ATTEMPTS);
        }));
        String name = unique("counted");
        Map<String, List<String>> seen = new ConcurrentHashMap<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        List<Worker> workers = new ArrayList<>();
        for (int i = 0; i < consumers; i++) {
            workers.add(new Worker(conn, name, failure, seen, errors));
        }
        Session sender = conn.createSession();
        Queue q = sender.createQueue(name);
        send(sender, q, IntStream.range(0, MESSAGES).mapToObj(i -> "m" + i).toArray(String[]::new));
        workers.forEach(Worker::start);

        List<String> deadLettered = new ArrayList<>();
        try (Session dlqSession = conn.createSession()) {
            MessageConsumer dlq = dlqSession.createConsumer(dlqSession.createQueue("DLQ." + name));
            long deadline = System.currentTimeMillis() + 20_000;
            while (deadLettered.size() < MESSAGES && System.currentTimeMillis() < deadline && errors.isEmpty()) {
                Message m = dlq.receive(200);
                if (m != null) {
                    deadLettered.add(text(m));
                }
            }
        }
        for (Worker w : workers) {
            w.stopAndJoin();
        }
        assertThat(errors).isEmpty();
        assertThat(deadLettered).hasSize(MESSAGES);
        List<String> expected = IntStream.rangeClosed(1, ATTEMPTS).mapToObj(n -> n + "/" + (n > 1)).toList();
        for (int i = 0; i < MESSAGES; i++) {
            assertThat(seen.get("m" + i)).as("deliveries of m" + i + " (count/redelivered)").isEqualTo(expected);
        }
    }

    /** One consumer on its own session, failing every delivery the way {@link Failure} says. */
    private static final class Worker {
        private final Session session;
        private final MessageConsumer consumer;
        private final Failure failure;
        private final Map<String, List<String>> seen;
        private final List<Throwable> errors;
        private final Thread thread;
        private volatile boolean running = true;

        Worker(Connection conn, String queue, Failure failure, Map<String, List<String>> seen, List<Throwable> errors)
                throws JMSException {
            this.failure = failure;
            this.seen = seen;
            this.errors = errors;
            this.session = switch (failure) {
                case TRANSACTED_ROLLBACK, TRANSACTED_LISTENER_ROLLBACK -> conn.createSession(true, Session.SESSION_TRANSACTED);
                case CLIENT_RECOVER -> conn.createSession(false, Session.CLIENT_ACKNOWLEDGE);
                case AUTO_LISTENER_THROWS -> conn.createSession(false, Session.AUTO_ACKNOWLEDGE);
            };
            this.consumer = session.createConsumer(session.createQueue(queue));
            this.thread = new Thread(this::receiveLoop, "delivery-count-worker");
        }

        void start() {
            if (failure == Failure.TRANSACTED_LISTENER_ROLLBACK || failure == Failure.AUTO_LISTENER_THROWS) {
                try {
                    consumer.setMessageListener(m -> {
                        record(m);
                        if (failure == Failure.AUTO_LISTENER_THROWS) {
                            throw new RuntimeException("this delivery fails on purpose");
                        }
                        try {
                            session.rollback();
                        } catch (JMSException e) {
                            errors.add(e);
                        }
                    });
                } catch (JMSException e) {
                    errors.add(e);
                }
            } else {
                thread.start();
            }
        }

        private void receiveLoop() {
            try {
                while (running) {
                    Message m = consumer.receive(100);
                    if (m == null) {
                        continue;
                    }
                    record(m);
                    if (failure == Failure.CLIENT_RECOVER) {
                        session.recover();
                    } else {
                        session.rollback();
                    }
                }
            } catch (JMSException | RuntimeException e) {
                errors.add(e);
            }
        }

        private void record(Message m) {
            try {
                seen.computeIfAbsent(text(m), k -> new CopyOnWriteArrayList<>())
                        .add(m.getIntProperty("JMSXDeliveryCount") + "/" + m.getJMSRedelivered());
            } catch (JMSException e) {
                errors.add(e);
            }
        }

        void stopAndJoin() throws Exception {
            running = false;
            if (thread.isAlive()) {
                thread.join();
            }
            session.close();
        }
    }
}
