package org.tablemq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.context.TestFactories;
import org.tablemq.jms.testing.TestDatabase;

/**
 * Two nodes (two connection factories with their own node names) on one PostgreSQL database and table prefix:
 * concurrent consumers on both take every message exactly once, and when a node dies holding unacknowledged
 * messages, the other node gets them once their leases expire, flagged as redelivered.
 */
class TwoNodeIT {

    private static final TestDatabase DB = TestDatabase.POSTGRESQL;
    private static final int MESSAGES = 10_000;
    private static final int CONSUMERS_PER_NODE = 2;
    private static final int BATCH = 50;

    private final String prefix = TestDatabase.uniquePrefix();
    private ConnectionFactory nodeA;
    private ConnectionFactory nodeB;
    private final List<Connection> connections = new ArrayList<>();

    @BeforeEach
    void twoNodes() {
        DB.assumeAvailable();
        nodeA = node("node-a");
        nodeB = node("node-b");
    }

    private TableMQConnectionFactory node(String name) {
        TableMQConnectionFactory factory = TestFactories.create(DB, DB.url(), prefix);
        factory.setNodeName(name);
        return factory;
    }

    @AfterEach
    void closeConnections() throws Exception {
        for (Connection c : connections) {
            c.close();
        }
    }

    @Test
    void concurrentConsumersOnTwoNodesTakeTenThousandMessagesExactlyOnce() throws Exception {
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> perNode = Map.of("node-a", new AtomicInteger(), "node-b", new AtomicInteger());
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(2 * CONSUMERS_PER_NODE);
        List<Future<?>> consumers = new ArrayList<>();
        try {
            for (int i = 0; i < CONSUMERS_PER_NODE; i++) {
                consumers.add(pool.submit(consume(nodeA, "node-a", "load", running, deliveries, perNode)));
                consumers.add(pool.submit(consume(nodeB, "node-b", "load", running, deliveries, perNode)));
            }
            send(nodeA, "load", MESSAGES);

            await("all " + MESSAGES + " messages consumed").atMost(Duration.ofSeconds(90))
                    .failFast(() -> {
                        for (Future<?> f : consumers) {
                            if (f.isDone()) {
                                f.get(); // a consumer that died throws its cause here
                            }
                        }
                    })
                    .until(() -> deliveries.size() == MESSAGES);
        } finally {
            running.set(false);
            pool.shutdown();
        }
        for (Future<?> f : consumers) {
            f.get();
        }

        Map<String, Integer> duplicates = deliveries.entrySet().stream().filter(e -> e.getValue().get() != 1)
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
        assertThat(duplicates).as("messages delivered more than once").isEmpty();
        assertThat(deliveries).hasSize(MESSAGES);
        assertThat(perNode.get("node-a").get()).as("consumed on node-a").isPositive();
        assertThat(perNode.get("node-b").get()).as("consumed on node-b").isPositive();
        assertThat(receiveAll(nodeB, "load", 500)).as("left over").isEmpty();
    }

    @Test
    void messagesHeldByANodeThatDiesAreRedeliveredToTheOtherNode() throws Exception {
        int held = 20;
        send(nodeA, "dying", held);

        Map<String, Boolean> redelivered;
        try (ChildJvm dying = ChildJvm.start(HoldingChild.class, DB.url(), DB.user(), prefix, "node-dying", "dying",
                Integer.toString(held))) {
            await("the dying node to hold " + held + " messages").atMost(Duration.ofSeconds(60))
                    .failFast(() -> {
                        if (!dying.isAlive()) {
                            throw new AssertionError("the dying node died too early:\n" + dying.stderr());
                        }
                    })
                    .until(() -> dying.printed("HELD"));
            assertThat(receiveAll(nodeB, "dying", 500)).as("held messages are invisible while their node lives")
                    .isEmpty();
            Set<String> heldIds = dying.lines().stream().filter(l -> l.startsWith("HOLDING "))
                    .map(l -> l.substring("HOLDING ".length())).collect(Collectors.toSet());

            dying.kill();

            redelivered = receive(nodeB, "dying", held, 30_000);
            assertThat(redelivered.keySet()).containsExactlyInAnyOrderElementsOf(heldIds);
        }
        assertThat(redelivered.values()).as("JMSRedelivered of each").containsOnly(true);
    }

    private void send(ConnectionFactory factory, String queueName, int count) throws Exception {
        Connection connection = open(factory);
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageProducer producer = session.createProducer(session.createQueue(queueName));
        for (int i = 0; i < count; i++) {
            producer.send(session.createTextMessage(queueName + "-" + i));
            if (i % 200 == 199) {
                session.commit();
            }
        }
        session.commit();
    }

    private Runnable consume(ConnectionFactory factory, String node, String queueName, AtomicBoolean running,
                             Map<String, AtomicInteger> deliveries, Map<String, AtomicInteger> perNode) {
        return () -> {
            try {
                Connection connection = open(factory);
                connection.start();
                Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
                MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
                List<String> batch = new ArrayList<>();
                while (running.get()) {
                    Message m = consumer.receive(200);
                    if (m != null) {
                        batch.add(((TextMessage) m).getText());
                    }
                    if (!batch.isEmpty() && (m == null || batch.size() == BATCH)) {
                        session.commit();
                        // counted only once committed: a rolled back batch comes back and is counted then
                        batch.forEach(id -> deliveries.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet());
                        perNode.get(node).addAndGet(batch.size());
                        batch.clear();
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("consumer on " + node + " failed", e);
            }
        };
    }

    /** Every message that arrives until none has come for {@code idleMillis}, with its JMSRedelivered flag. */
    private Map<String, Boolean> receiveAll(ConnectionFactory factory, String queueName, long idleMillis) throws Exception {
        Map<String, Boolean> received = new HashMap<>();
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
            Message m;
            while ((m = consumer.receive(idleMillis)) != null) {
                received.put(((TextMessage) m).getText(), m.getJMSRedelivered());
            }
            session.commit();
        }
        return received;
    }

    /** {@code expected} messages, or fewer if they have not all come within {@code timeoutMillis}. */
    private Map<String, Boolean> receive(ConnectionFactory factory, String queueName, int expected, long timeoutMillis)
            throws Exception {
        Map<String, Boolean> received = new HashMap<>();
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageConsumer consumer = session.createConsumer(session.createQueue(queueName));
            long left;
            while (received.size() < expected && (left = (deadline - System.nanoTime()) / 1_000_000) > 0) {
                Message m = consumer.receive(left);
                if (m != null) {
                    received.put(((TextMessage) m).getText(), m.getJMSRedelivered());
                }
            }
            session.commit();
        }
        return received;
    }

    private synchronized Connection open(ConnectionFactory factory) throws Exception {
        Connection connection = factory.createConnection();
        connections.add(connection);
        return connection;
    }
}
