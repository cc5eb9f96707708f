package org.tablemq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.context.TestFactories;
import org.tablemq.jms.store.StoreOutcomeUnknownException;
import org.tablemq.jms.store.StoreUnavailableException;
import org.tablemq.jms.testing.PrivatePostgres;
import org.tablemq.jms.testing.TestDatabase;

/**
 * The database server crashes ({@code stop -m immediate}) and comes back, again and again, while producers
 * (non-transacted and transacted) and consumers (AUTO_ACKNOWLEDGE receive, transacted receive, a MessageListener)
 * keep working through one factory. Afterwards: every send or commit that returned is delivered; one that said
 * "not applied" never appears; nothing consumed is delivered again, and nothing is delivered twice without
 * JMSRedelivered; the factory works again after every restart. The cluster is the test's own, on its own port.
 */
class PostgresOutageIT {

    private static final int CYCLES = 5;
    private static final long UP_MILLIS = 2_500;
    private static final long DOWN_MILLIS = 1_500;
    private static final String QUEUE = "outage";

    private enum SendOutcome { SENT, NOT_APPLIED, UNKNOWN, OTHER_ERROR }

    private final Map<String, SendOutcome> sends = new ConcurrentHashMap<>();
    private final Map<String, List<Boolean>> deliveries = new ConcurrentHashMap<>();
    private final Set<String> consumed = ConcurrentHashMap.newKeySet();
    private final AtomicInteger consumedAgain = new AtomicInteger();
    private final AtomicInteger silentDuplicates = new AtomicInteger();
    private final List<String> otherErrors = new CopyOnWriteArrayList<>();
    private final AtomicLong confirmedSends = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);

    @Test
    void nothingIsLostOrSilentlyDuplicatedWhileTheDatabaseCrashesAndComesBack() throws Exception {
        try (PrivatePostgres pg = PrivatePostgres.create()) {
            String prefix = TestDatabase.uniquePrefix();
            TableMQConnectionFactory factory = TestFactories.create(pg.url(), pg.user(), prefix);
            List<Thread> workers = new ArrayList<>();
            List<Connection> connections = new ArrayList<>();
            try {
                workers.add(worker("producer", () -> produce(factory, connections)));
                workers.add(worker("tx-producer", () -> produceTransacted(factory, connections)));
                workers.add(worker("auto-receiver", () -> receiveAuto(factory, connections)));
                workers.add(worker("tx-receiver", () -> receiveTransacted(factory, connections)));
                listen(factory, connections);

                long longestRecoveryMillis = 0;
                for (int cycle = 1; cycle <= CYCLES; cycle++) {
                    Thread.sleep(UP_MILLIS);
                    pg.stopImmediately();
                    Thread.sleep(DOWN_MILLIS);
                    pg.start();
                    long back = System.nanoTime();
                    long before = confirmedSends.get();
                    await("a send to succeed after restart " + cycle).atMost(Duration.ofSeconds(60))
                            .pollInterval(Duration.ofMillis(20)).until(() -> confirmedSends.get() > before);
                    longestRecoveryMillis = Math.max(longestRecoveryMillis, (System.nanoTime() - back) / 1_000_000);
                }
                Thread.sleep(UP_MILLIS);
                running.set(false);
                for (Thread t : workers) {
                    t.join(60_000);
                    assertThat(t.isAlive()).as(t.getName() + " stopped").isFalse();
                }
                for (Connection c : connections) {
                    c.close();
                }
                connections.clear();
                drain(factory);

                long sent = count(SendOutcome.SENT);
                long notApplied = count(SendOutcome.NOT_APPLIED);
                long unknown = count(SendOutcome.UNKNOWN);
                List<String> lost = sends.entrySet().stream()
                        .filter(e -> e.getValue() == SendOutcome.SENT && !deliveries.containsKey(e.getKey()))
                        .map(Map.Entry::getKey).toList();
                List<String> notAppliedButDelivered = sends.entrySet().stream()
                        .filter(e -> e.getValue() == SendOutcome.NOT_APPLIED && deliveries.containsKey(e.getKey()))
                        .map(Map.Entry::getKey).toList();
                long redeliveries = deliveries.values().stream().mapToLong(l -> l.size() - 1).sum();
                System.out.printf("PostgreSQL outage: %d crash/restart cycles, longest recovery %d ms; sends confirmed"
                                + " %d, reported not applied %d, outcome unknown %d, other errors %d; delivered %d"
                                + " distinct (%d redeliveries); lost %d, not-applied-but-delivered %d, consumed twice %d,"
                                + " duplicates without JMSRedelivered %d%n", CYCLES, longestRecoveryMillis, sent,
                        notApplied, unknown, otherErrors.size(), deliveries.size(), redeliveries, lost.size(),
                        notAppliedButDelivered.size(), consumedAgain.get(), silentDuplicates.get());

                otherErrors.forEach(e -> System.out.println("other error: " + e));
                assertThat(sent).as("sends confirmed").isGreaterThan(100);
                assertThat(lost).as("confirmed sends never delivered").isEmpty();
                assertThat(notAppliedButDelivered).as("sends reported not applied that were delivered").isEmpty();
                assertThat(consumedAgain.get()).as("messages delivered again after their consumption was confirmed")
                        .isZero();
                assertThat(silentDuplicates.get()).as("second deliveries without JMSRedelivered").isZero();
                assertThat(unknown).as("sends of unknown outcome (each outage is far shorter than the store's"
                        + " resolution time)").isZero();
                assertThat(otherErrors).as("errors other than 'database unavailable'").isEmpty();
                assertThat(rowsLeft(pg, prefix)).as("messages left in the store after the drain").isZero();
            } finally {
                running.set(false);
                for (Connection c : connections) {
                    try {
                        c.close();
                    } catch (JMSException ignored) {
                        // the test's outcome is decided above
                    }
                }
            }
        }
    }

    private long count(SendOutcome outcome) {
        return sends.values().stream().filter(o -> o == outcome).count();
    }

    @FunctionalInterface
    private interface Loop {
        void run() throws Exception;
    }

    private Thread worker(String name, Loop loop) {
        Thread t = new Thread(() -> {
            try {
                loop.run();
            } catch (Exception e) {
                otherErrors.add(name + " died: " + e);
            }
        }, name);
        t.start();
        return t;
    }

    private Connection open(TableMQConnectionFactory factory, List<Connection> connections) throws JMSException {
        Connection c = factory.createConnection();
        synchronized (connections) {
            connections.add(c);
        }
        c.start();
        return c;
    }

    private void produce(TableMQConnectionFactory factory, List<Connection> connections) throws Exception {
        Session session = open(factory, connections).createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
        for (int i = 0; running.get(); i++) {
            String id = "p-" + i;
            try {
                producer.send(session.createTextMessage(id));
                record(List.of(id), SendOutcome.SENT);
            } catch (JMSException e) {
                record(List.of(id), classify(e));
            }
            Thread.sleep(8);
        }
    }

    private void produceTransacted(TableMQConnectionFactory factory, List<Connection> connections) throws Exception {
        Session session = open(factory, connections).createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
        for (int i = 0; running.get(); i++) {
            List<String> batch = new ArrayList<>();
            for (int j = 0; j < 5; j++) {
                String id = "t-" + i + "-" + j;
                producer.send(session.createTextMessage(id));     // buffered until commit
                batch.add(id);
            }
            try {
                session.commit();
                record(batch, SendOutcome.SENT);
            } catch (JMSException e) {
                record(batch, classify(e));
            }
            Thread.sleep(40);
        }
    }

    private void receiveAuto(TableMQConnectionFactory factory, List<Connection> connections) throws Exception {
        Session session = open(factory, connections).createSession(false, Session.AUTO_ACKNOWLEDGE);
        MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
        while (running.get()) {
            try {
                Message m = consumer.receive(200);
                if (m != null) {
                    delivered(m);
                    consumed(List.of(((TextMessage) m).getText()));  // AUTO: returned means acknowledged
                }
            } catch (JMSException e) {
                expectUnavailable("auto receive", e);
                Thread.sleep(50);
            }
        }
    }

    private void receiveTransacted(TableMQConnectionFactory factory, List<Connection> connections) throws Exception {
        Session session = open(factory, connections).createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
        while (running.get()) {
            List<String> got = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    Message m = consumer.receive(100);
                    if (m == null) {
                        break;
                    }
                    delivered(m);
                    got.add(((TextMessage) m).getText());
                }
                session.commit();
                consumed(got);
            } catch (JMSException e) {
                expectUnavailable("transacted receive", e);
                try {
                    session.rollback();
                } catch (JMSException again) {
                    expectUnavailable("rollback", again);
                }
                Thread.sleep(50);
            }
        }
    }

    private void listen(TableMQConnectionFactory factory, List<Connection> connections) throws JMSException {
        Connection c = factory.createConnection();
        synchronized (connections) {
            connections.add(c);
        }
        c.setExceptionListener(e -> { });        // told of every outage; nothing to do
        Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
        session.createConsumer(session.createQueue(QUEUE)).setMessageListener(this::delivered);
        c.start();
    }

    private void drain(TableMQConnectionFactory factory) throws JMSException {
        try (Connection c = factory.createConnection()) {
            c.start();
            Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue(QUEUE);
            MessageConsumer consumer = session.createConsumer(queue);
            for (Message m = consumer.receive(3_000); m != null; m = consumer.receive(3_000)) {
                delivered(m);
                consumed(List.of(((TextMessage) m).getText()));
            }
        }
    }

    private void delivered(Message m) {
        try {
            String id = ((TextMessage) m).getText();
            if (consumed.contains(id)) {
                consumedAgain.incrementAndGet();
            }
            List<Boolean> flags = deliveries.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>());
            if (!flags.isEmpty() && !m.getJMSRedelivered()) {
                silentDuplicates.incrementAndGet();
            }
            flags.add(m.getJMSRedelivered());
        } catch (JMSException e) {
            otherErrors.add("reading a delivered message: " + e);
        }
    }

    private void consumed(List<String> ids) {
        consumed.addAll(ids);
    }

    private void record(List<String> ids, SendOutcome outcome) {
        ids.forEach(id -> sends.put(id, outcome));
        if (outcome == SendOutcome.SENT) {
            confirmedSends.addAndGet(ids.size());
        }
    }

    private SendOutcome classify(JMSException e) {
        if (StoreUnavailableException.ERROR_CODE.equals(e.getErrorCode())) {
            return SendOutcome.NOT_APPLIED;   // a commit says so with TransactionRolledBackException
        }
        if (StoreOutcomeUnknownException.ERROR_CODE.equals(e.getErrorCode())) {
            return SendOutcome.UNKNOWN;
        }
        otherErrors.add("send: " + e);
        return SendOutcome.OTHER_ERROR;
    }

    private void expectUnavailable(String what, JMSException e) {
        if (!StoreUnavailableException.ERROR_CODE.equals(e.getErrorCode())) {
            otherErrors.add(what + ": " + e + (e.getErrorCode() == null ? "" : " [" + e.getErrorCode() + "]"));
        }
    }

    private static long rowsLeft(PrivatePostgres pg, String prefix) throws Exception {
        try (java.sql.Connection c = DriverManager.getConnection(pg.url(), pg.user(), "");
             ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + prefix + "messages")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
