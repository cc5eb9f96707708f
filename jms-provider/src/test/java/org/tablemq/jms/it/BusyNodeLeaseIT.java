package org.tablemq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.context.TestFactories;
import org.tablemq.jms.testing.TestDatabase;

/**
 * A busy node at the documented minimum lease of 1000 ms keeps its leases and stays alive: three sending and three
 * receiving threads work for {@value #LOAD_SECONDS} s on PostgreSQL while a second, idle node (also at 1000 ms)
 * judges it. No lease of the busy node may expire, no node may be declared dead, no message may come back as
 * redelivered and no commit may fail.
 * <p>
 * 12 s, not 30: the reproduction lost 150 leases in 12 s with this load (and one warning already at a lease
 * of 2000 ms), so 12 s at the minimum shows the risk with a wide margin; each lease is renewed 36 times meanwhile.
 * How much this load strains a node depends on the machine and what else runs on it; {@code LeaseHoldingTest} shows
 * the same risk deterministically, with the busy node's connection pool held exhausted.
 */
class BusyNodeLeaseIT {

    private static final TestDatabase DB = TestDatabase.POSTGRESQL;
    private static final int LOAD_SECONDS = 12;
    private static final int THREADS = 3;
    private static final long LEASE_MILLIS = 1000;

    @Test
    void aBusyNodeAtTheMinimumLeaseLosesNoLeaseAndIsNeverDeclaredDead() throws Exception {
        DB.assumeAvailable();
        String prefix = TestDatabase.uniquePrefix();
        TableMQConnectionFactory busy = node(prefix, "busy");
        TableMQConnectionFactory idle = node(prefix, "idle");
        LeaseWarnings warnings = LeaseWarnings.capture();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger received = new AtomicInteger();
        AtomicInteger redelivered = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS + 1);
        HeartbeatGaps gaps;
        try (Connection idleConnection = idle.createConnection(); Connection busyConnection = busy.createConnection()) {
            idleConnection.start();           // the idle node's housekeeping judges the busy one
            busyConnection.start();
            gaps = new HeartbeatGaps(prefix, "busy-" + prefix, running);
            Future<?> probe = pool.submit(gaps);
            List<Future<?>> work = new ArrayList<>(List.of(probe));
            for (int i = 0; i < THREADS; i++) {
                work.add(pool.submit(() -> send(busyConnection, running, sent)));
                work.add(pool.submit(() -> receive(busyConnection, running, received, redelivered)));
            }
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(LOAD_SECONDS);
            for (Future<?> f : work) {
                long left = end - System.nanoTime();
                if (left > 0) {
                    try {
                        f.get(left, TimeUnit.NANOSECONDS);    // a worker that failed (e.g. a commit) fails the test here
                    } catch (java.util.concurrent.TimeoutException stillWorking) {
                        // expected: the workers run until told to stop
                    }
                }
            }
            running.set(false);
            for (Future<?> f : work) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            running.set(false);
            pool.shutdown();
            warnings.close();
        }
        System.out.printf("Busy node at lease %d ms for %d s: %d sent, %d received, %d redelivered, %d heartbeats,"
                        + " longest gap between two %d ms, lease warnings %s%n", LEASE_MILLIS, LOAD_SECONDS, sent.get(),
                received.get(), redelivered.get(), gaps.beats(), gaps.longestMillis(), warnings.lines());
        assertThat(received.get()).as("messages received under load").isGreaterThan(100);
        assertThat(warnings.lines()).as("lease expiries, dead nodes and stalls reported").isEmpty();
        assertThat(redelivered.get()).as("messages that came back because a lease was lost").isZero();
        assertThat(gaps.longestMillis()).as("longest time between two heartbeats (ms)")
                .isLessThan(LEASE_MILLIS - LEASE_MILLIS / 10);
    }

    /**
     * Watches the heartbeat the busy node writes (its wall clock at each round) and keeps the longest time between two
     * rounds: leases are renewed in the same rounds, so a gap longer than the lease is a lease other nodes may expire.
     */
    private static final class HeartbeatGaps implements java.util.concurrent.Callable<Void> {

        private final String prefix;
        private final String node;
        private final AtomicBoolean running;
        private volatile long longestMillis;
        private volatile int beats;

        HeartbeatGaps(String prefix, String node, AtomicBoolean running) {
            this.prefix = prefix;
            this.node = node;
            this.running = running;
        }

        @Override
        public Void call() throws Exception {
            try (java.sql.Connection c = java.sql.DriverManager.getConnection(DB.url(), DB.user(), DB.password());
                 var ps = c.prepareStatement("SELECT heartbeat FROM " + prefix + "nodes WHERE node_id = ?")) {
                ps.setString(1, node);
                long last = 0;
                while (running.get()) {
                    try (var rs = ps.executeQuery()) {
                        long beat = rs.next() ? rs.getLong(1) : last;
                        if (beat != last) {
                            if (last != 0) {
                                longestMillis = Math.max(longestMillis, beat - last);
                            }
                            beats++;
                            last = beat;
                        }
                    }
                    Thread.sleep(20);     // a sampling interval, not a wait for anything: 20 ms is the resolution
                }
            }
            return null;
        }

        long longestMillis() {
            return longestMillis;
        }

        int beats() {
            return beats;
        }
    }

    private static TableMQConnectionFactory node(String prefix, String name) {
        TableMQConnectionFactory factory = TestFactories.create(DB, DB.url(), prefix);
        factory.setNodeName(name + "-" + prefix);
        factory.setLeaseMillis(LEASE_MILLIS);
        return factory;
    }

    private static Void send(Connection connection, AtomicBoolean running, AtomicInteger sent) throws Exception {
        try (Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            MessageProducer producer = session.createProducer(session.createQueue("busy"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            while (running.get()) {
                producer.send(session.createTextMessage("m" + sent.incrementAndGet()));
            }
        }
        return null;
    }

    private static Void receive(Connection connection, AtomicBoolean running, AtomicInteger received,
                                AtomicInteger redelivered) throws Exception {
        try (Session session = connection.createSession(true, Session.SESSION_TRANSACTED)) {
            Queue queue = session.createQueue("busy");
            MessageConsumer consumer = session.createConsumer(queue);
            int inTransaction = 0;
            while (running.get()) {
                Message m = consumer.receive(100);
                if (m != null) {
                    received.incrementAndGet();
                    if (m.getJMSRedelivered()) {
                        redelivered.incrementAndGet();
                    }
                    inTransaction++;
                }
                if (inTransaction >= 10 || (m == null && inTransaction > 0)) {
                    session.commit();
                    inTransaction = 0;
                }
            }
            session.commit();
        }
        return null;
    }

    /** Collects TableMQ's warnings about lost leases (TMQ-2001), dead nodes (TMQ-2005) and stalls (TMQ-2030). */
    private static final class LeaseWarnings extends Handler {

        private final Logger logger = Logger.getLogger("org.tablemq");
        private final List<String> lines = new java.util.concurrent.CopyOnWriteArrayList<>();

        static LeaseWarnings capture() {
            LeaseWarnings w = new LeaseWarnings();
            w.logger.addHandler(w);
            return w;
        }

        @Override
        public void publish(LogRecord r) {
            String text = r.getMessage();
            if (text != null && (text.startsWith("TMQ-2001") || text.startsWith("TMQ-2005") || text.startsWith("TMQ-2030"))) {
                lines.add(text);
            }
        }

        List<String> lines() {
            return lines;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
