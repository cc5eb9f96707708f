package org.tablemq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.context.TestFactories;
import org.tablemq.jms.testing.TestDatabase;

/**
 * A node frozen (SIGSTOP) longer than its lease, with messages prefetched, must not hand them to its application once
 * it resumes (SIGCONT): the other node has taken and consumed them meanwhile. Two JVMs on one PostgreSQL database;
 * the frozen one is {@link StallingChild} (lease 1000 ms, prefetch 20). In CLIENT_ACKNOWLEDGE mode a stale message
 * would reach the application before its acknowledgement fails; in AUTO_ACKNOWLEDGE mode receive() would throw for
 * messages the application never saw. Nothing may be delivered to an application twice, nothing may be lost, and no
 * receive() may fail.
 */
class StalledNodeIT {

    private static final TestDatabase DB = TestDatabase.POSTGRESQL;
    private static final int MESSAGES = 60;
    private static final String QUEUE = "stalled";

    @ParameterizedTest
    @ValueSource(strings = {"CLIENT", "AUTO"})
    void aNodeResumedAfterItsLeasesWereTakenDeliversNoneOfItsStalePrefetchedMessages(String ackMode) throws Exception {
        DB.assumeAvailable();
        String prefix = TestDatabase.uniquePrefix();
        String stalledNode = "stalled-" + prefix;
        TableMQConnectionFactory survivor = TestFactories.create(DB, DB.url(), prefix);
        survivor.setNodeName("survivor-" + prefix);
        survivor.setLeaseMillis(1000);     // its housekeeping expires the frozen node's leases within about a second
        Set<String> takenBySurvivor = new HashSet<>();
        try (Connection connection = survivor.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(QUEUE));
            for (int i = 0; i < MESSAGES; i++) {
                producer.send(session.createTextMessage("m" + i));
            }
            session.commit();

            try (ChildJvm child = ChildJvm.start(StallingChild.class, DB.url(), DB.user(), prefix, stalledNode, QUEUE,
                    ackMode)) {
                await("the child to pause with a prefetched window").atMost(Duration.ofSeconds(60))
                        .failFast(() -> {
                            if (!child.isAlive()) {
                                throw new AssertionError("the child died:\n" + child.stderr());
                            }
                        })
                        .until(() -> child.printed("PAUSED"));
                long prefetched = claimedBy(prefix, stalledNode);

                child.signal("STOP");
                long stoppedAt = System.nanoTime();
                MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
                int expected = MESSAGES - StallingChild.BEFORE_PAUSE;
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (takenBySurvivor.size() < expected && System.nanoTime() < deadline) {
                    Message m = consumer.receive(500);
                    if (m != null) {
                        takenBySurvivor.add(((TextMessage) m).getText());
                        session.commit();
                    }
                }
                long stoppedMillis = Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis();
                child.signal("CONT");
                child.tell("GO");

                await("the resumed child to finish").atMost(Duration.ofSeconds(60))
                        .failFast(() -> {
                            if (!child.isAlive() && !child.printed("DONE")) {
                                throw new AssertionError("the child died:\n" + child.stderr());
                            }
                        })
                        .until(() -> child.printed("DONE"));
                List<String> delivered = child.lines().stream().filter(l -> l.startsWith("DELIVERED "))
                        .map(l -> l.split(" ")[1]).toList();
                List<String> afterResume = delivered.subList(StallingChild.BEFORE_PAUSE, delivered.size());
                Set<String> twice = afterResume.stream().filter(takenBySurvivor::contains).collect(Collectors.toSet());
                Set<String> all = new HashSet<>(takenBySurvivor);
                all.addAll(delivered);
                List<String> failedReceives = child.lines().stream().filter(l -> l.startsWith("RECEIVE-FAILED ")).toList();
                System.out.printf("Stalled node (%s): %d message(s) prefetched when frozen, frozen %d ms; the survivor took"
                                + " %d; the resumed node delivered %d more, %d of them twice, %d acknowledgement(s) and %d"
                                + " receive(s) failed%n", ackMode, prefetched, stoppedMillis, takenBySurvivor.size(),
                        afterResume.size(), twice.size(),
                        child.lines().stream().filter(l -> l.startsWith("ACK-FAILED ")).count(), failedReceives.size());

                assertThat(prefetched).as("messages prefetched by the frozen node").isPositive();
                assertThat(twice).as("messages delivered to both nodes' applications").isEmpty();
                assertThat(failedReceives).as("receive() calls that failed after the node resumed").isEmpty();
                assertThat(all).as("messages delivered to some application").hasSize(MESSAGES);
            }
        }
    }

    private static long claimedBy(String prefix, String node) throws Exception {
        try (java.sql.Connection c = DriverManager.getConnection(DB.url(), DB.user(), DB.password());
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + prefix + "messages WHERE owner_node = ?")) {
            ps.setString(1, node);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
