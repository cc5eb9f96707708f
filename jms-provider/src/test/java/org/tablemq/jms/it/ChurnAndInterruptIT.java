package org.tablemq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.context.TestFactories;
import org.tablemq.jms.testing.TestDatabase;

/**
 * Item "store corrupted by ordinary use": connection, session and context churn, and application threads interrupted
 * inside send, receive and commit, must leave the store intact: it never closes under the application, and a fresh
 * store opened afterwards on the same database holds every message whose send returned and that no returned commit
 * consumed.
 */
class ChurnAndInterruptIT {

    private static final System.Logger LOG = System.getLogger(ChurnAndInterruptIT.class.getName());
    /** 10,000 in the report; 2,000 keep the test short (10,000 took 13 s on H2, 23 s on PostgreSQL). */
    private static final int CHURN_ROUNDS = 2_000;
    private static final long INTERRUPT_MILLIS = 4_000;

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void connectionSessionAndContextChurnLeavesTheStoreIntact(TestDatabase db) throws Exception {
        db.assumeAvailable();
        String url = db.url();
        String prefix = TestDatabase.uniquePrefix();
        TableMQConnectionFactory factory = TestFactories.create(db, url, prefix);
        try (Connection c = factory.createConnection()) {
            Session s = c.createSession();
            MessageProducer p = s.createProducer(s.createQueue("kept"));
            for (int i = 0; i < 5; i++) {
                p.send(s.createTextMessage("kept-" + i));
            }
        }

        long start = System.nanoTime();
        for (int i = 0; i < CHURN_ROUNDS; i++) {
            Connection c = factory.createConnection();
            c.start();
            c.createSession().createTemporaryQueue();
            c.close();
        }
        long connections = System.nanoTime();
        try (Connection c = factory.createConnection()) {
            for (int i = 0; i < CHURN_ROUNDS; i++) {
                c.createSession().close();
            }
        }
        long sessions = System.nanoTime();
        for (int i = 0; i < CHURN_ROUNDS; i++) {
            factory.createContext().close();
        }
        long contexts = System.nanoTime();
        LOG.log(System.Logger.Level.INFO, "{0}: {1} rounds of connection+temporary queue {2} ms, of session {3} ms,"
                + " of JMSContext {4} ms", db, CHURN_ROUNDS, millis(connections - start), millis(sessions - connections),
                millis(contexts - sessions));

        TableMQConnectionFactory.closeIdleStores();
        assertThat(drain(TestFactories.create(db, url, prefix), "kept"))
                .containsExactlyInAnyOrder("kept-0", "kept-1", "kept-2", "kept-3", "kept-4");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void applicationThreadsInterruptedInSendReceiveAndCommitNeitherCloseTheStoreNorLoseMessages(TestDatabase db)
            throws Exception {
        db.assumeAvailable();
        String url = db.url();
        String prefix = TestDatabase.uniquePrefix();
        TableMQConnectionFactory factory = TestFactories.create(db, url, prefix);
        Set<String> returned = ConcurrentHashMap.newKeySet();
        Set<String> consumed = ConcurrentHashMap.newKeySet();
        List<String> storeFailures = new CopyOnWriteArrayList<>();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> workers = new ArrayList<>();

        try (Connection connection = factory.createConnection()) {
            connection.start();
            for (int t = 0; t < 2; t++) {
                String name = "send" + t;
                workers.add(worker(name, running, storeFailures, () -> {
                    Session s = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                    MessageProducer p = s.createProducer(s.createQueue("interrupted"));
                    return i -> {
                        p.send(s.createTextMessage(name + "-" + i));
                        returned.add(name + "-" + i);
                    };
                }));
            }
            workers.add(worker("commit", running, storeFailures, () -> {
                Session s = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageProducer p = s.createProducer(s.createQueue("interrupted"));
                return i -> {
                    p.send(s.createTextMessage("tx-" + i + "a"));
                    p.send(s.createTextMessage("tx-" + i + "b"));
                    s.commit();
                    returned.add("tx-" + i + "a");
                    returned.add("tx-" + i + "b");
                };
            }));
            workers.add(worker("receive", running, storeFailures, () -> {
                Session s = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer c = s.createConsumer(s.createQueue("interrupted"));
                // a commit that failed leaves its work in the transaction, which the next commit then applies
                List<String> sinceCommit = new ArrayList<>();
                return i -> {
                    Message m = c.receive(50);
                    if (m != null) {
                        sinceCommit.add(((TextMessage) m).getText());
                        s.commit();
                        consumed.addAll(sinceCommit);
                        sinceCommit.clear();
                    }
                };
            }));
            workers.forEach(Thread::start);

            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(INTERRUPT_MILLIS);
            int interrupts = 0;
            while (System.nanoTime() < end) {
                workers.get(ThreadLocalRandom.current().nextInt(workers.size())).interrupt();
                interrupts++;
                TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextInt(200, 2_000));   // the interrupter's pace, not a wait for a condition
            }
            running.set(false);
            for (Thread w : workers) {
                w.join(30_000);
            }
            LOG.log(System.Logger.Level.INFO, "{0}: {1} interrupts, {2} sends returned, {3} consumed", db, interrupts,
                    returned.size(), consumed.size());
        }
        TableMQConnectionFactory.closeIdleStores();

        assertThat(storeFailures).as("failures that say the store was closed or damaged").isEmpty();
        assertThat(returned).as("sends that returned").hasSizeGreaterThan(50);
        Set<String> all = ConcurrentHashMap.newKeySet();
        all.addAll(consumed);
        all.addAll(drain(TestFactories.create(db, url, prefix), "interrupted"));
        assertThat(all).as("consumed before, or still in the queue for a fresh store").containsAll(returned);
    }

    @FunctionalInterface
    private interface Step {
        void run(int i) throws JMSException;
    }

    @FunctionalInterface
    private interface StepFactory {
        Step create() throws JMSException;
    }

    /** A thread that repeats a step until stopped; an interrupted call may fail, but never with a closed store. */
    private static Thread worker(String name, AtomicBoolean running, List<String> storeFailures, StepFactory factory) {
        Thread t = new Thread(() -> {
            Step step = null;
            while (step == null && running.get()) {
                try {
                    step = factory.create();
                } catch (JMSException e) {
                    Thread.interrupted();   // interrupted while creating its session: try again
                }
            }
            for (int i = 0; step != null && running.get(); i++) {
                try {
                    step.run(i);
                } catch (JMSException | RuntimeException e) {
                    String chain = chain(e);
                    if (chain.contains("90098") || chain.contains("has been closed") || chain.contains("orrupt")
                            || chain.contains("ClosedByInterrupt")) {
                        storeFailures.add(name + ": " + chain);
                    }
                }
                Thread.interrupted();   // each interrupt hits one call; the next starts clean
            }
        }, "interrupted-" + name);
        t.setDaemon(true);
        return t;
    }

    private static String chain(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 4_000; t = t.getCause() == t ? null : t.getCause()) {
            b.append(t).append(" <- ");
        }
        return b.toString();
    }

    /** Every text left in the queue, through a fresh store (a factory with another node name). */
    private static List<String> drain(TableMQConnectionFactory factory, String queueName) throws JMSException {
        factory.setNodeName("drainer-" + System.nanoTime());
        List<String> texts = new ArrayList<>();
        try (JMSContext context = factory.createContext(JMSContext.SESSION_TRANSACTED)) {
            Queue queue = context.createQueue(queueName);
            var consumer = context.createConsumer(queue);
            for (String t = consumer.receiveBody(String.class, 3_000); t != null;
                 t = consumer.receiveBody(String.class, 1_000)) {
                texts.add(t);
                context.commit();
            }
        } finally {
            TableMQConnectionFactory.closeIdleStores();
        }
        return texts;
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
