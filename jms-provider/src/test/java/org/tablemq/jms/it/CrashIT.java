package org.tablemq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.context.TestFactories;
import org.tablemq.jms.testing.TestDatabase;

/**
 * The durability promise under {@code kill -9}: a child JVM ({@link CrashChild}) sends and consumes persistent
 * messages, transacted and not, and is killed with SIGKILL at a random point, five times; afterwards every
 * message whose send returned was consumed by a commit that returned or is still in the queue, exactly once.
 * <p>
 * The test has teeth: with H2's default {@code WRITE_DELAY=500} in the URL instead of the store's setting it
 * reports lost sends and, from lost acknowledgements, duplicates. On H2 it also covers the store's 1 s chunk
 * retention: space of chunks dead for a second is reused while the JVM may die mid-write.
 */
class CrashIT {

    private static final System.Logger LOG = System.getLogger(CrashIT.class.getName());
    private static final int ROUNDS = 5;
    private static final String QUEUE = "crash";

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyMessageWhoseSendReturnedSurvivesRepeatedKillNine(TestDatabase db) throws Exception {
        db.assumeAvailable();
        String url = db.url(); // H2: one file database for every round
        String prefix = TestDatabase.uniquePrefix();
        long seed = System.nanoTime();
        Random random = new Random(seed);
        CrashLedger ledger = new CrashLedger();

        for (int round = 1; round <= ROUNDS; round++) {
            try (ChildJvm child = ChildJvm.start(CrashChild.class, url, db.user(), prefix, QUEUE,
                    "r" + round, Long.toString(random.nextLong()))) {
                int killAfterLines = 20 + random.nextInt(150);
                await("child round " + round + " (seed " + seed + ") to reach " + killAfterLines + " lines")
                        .atMost(Duration.ofSeconds(60))
                        .failFast(() -> {
                            if (!child.isAlive()) {
                                throw new AssertionError("child died by itself:\n" + child.stderr());
                            }
                        })
                        .until(() -> child.lines().size() >= killAfterLines);
                child.kill();
                ledger.addRound(child.lines());
            }
        }

        drain(db, url, prefix, ledger);
        LOG.log(System.Logger.Level.INFO, "Crash test on {0} (seed {1}): {2}", db, Long.toString(seed),
                ledger.summary());
        assertThat(ledger.problems()).as("durability violations (seed %d)", seed).isEmpty();
        assertThat(ledger.sentCount()).as("messages whose send returned").isGreaterThan(ROUNDS);
    }

    /** A new factory takes everything left, once the killed children's leases have run out. */
    private static void drain(TestDatabase db, String url, String prefix, CrashLedger ledger) throws Exception {
        TableMQConnectionFactory factory = TestFactories.create(db, url, prefix);
        factory.setNodeName("drainer");
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            Queue queue = session.createQueue(QUEUE);
            MessageConsumer consumer = session.createConsumer(queue);
            QueueBrowser browser = session.createBrowser(queue);
            await("the queue to be drained").atMost(Duration.ofSeconds(60)).until(() -> {
                Message m;
                while ((m = consumer.receive(1_000)) != null) {
                    ledger.addDrained(((TextMessage) m).getText(), m.getJMSRedelivered());
                    session.commit();
                }
                // messages still leased by a killed child show in the browser until their lease expires
                return !browser.getEnumeration().hasMoreElements();
            });
        }
    }
}
