package org.tablemq.jms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tablemq.jms.store.MessageStore;
import org.tablemq.jms.store.jdbc.JdbcStoreConfig;
import org.tablemq.jms.testing.TestDatabase;

/** The lifetime of shared stores: not tied to connection churn, closed when idle, opened independently per config. */
class StoreRegistryTest {

    private final String prefix = TestDatabase.uniquePrefix();
    private final String url = TestDatabase.H2.url();

    @AfterEach
    void closeIdleStores() {
        StoreRegistry.closeIdle();
    }

    private JdbcStoreConfig h2() {
        return JdbcStoreConfig.defaults(url).withUser("sa").withPassword("").withTablePrefix(prefix);
    }

    @Test
    void aStoreOutlivesItsLastConnectionSoThatTheNextConnectionReusesIt() throws Exception {
        StoreRegistry.Handle first = StoreRegistry.acquire(h2());
        MessageStore store = first.store();
        first.release();

        StoreRegistry.Handle second = StoreRegistry.acquire(h2());
        try {
            assertThat(second.store()).isSameAs(store);
        } finally {
            second.release();
        }
    }

    @Test
    void anIdleStoreClosesAfterTheGracePeriodAndUnregistersItsNode() throws Exception {
        StoreRegistry.Handle handle = StoreRegistry.acquire(h2());
        String node = handle.store().nodeId();
        assertThat(nodeRegistered(node)).isTrue();

        long released = System.nanoTime();
        handle.release();

        await().atMost(Duration.ofMillis(StoreRegistry.IDLE_GRACE_MILLIS + 10_000)).until(() -> !nodeRegistered(node));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - released))
                .isGreaterThanOrEqualTo(StoreRegistry.IDLE_GRACE_MILLIS);
    }

    @Test
    void closingIdleStoresClosesThemAtOnce() throws Exception {
        StoreRegistry.Handle handle = StoreRegistry.acquire(h2());
        MessageStore store = handle.store();
        handle.release();

        StoreRegistry.closeIdle();

        assertThat(nodeRegistered(store.nodeId())).isFalse();
        StoreRegistry.Handle next = StoreRegistry.acquire(h2());
        try {
            assertThat(next.store()).isNotSameAs(store);
        } finally {
            next.release();
        }
    }

    @Test
    void aStoreInUseWhenIdleStoresAreClosedClosesWithItsLastConnection() throws Exception {
        StoreRegistry.Handle handle = StoreRegistry.acquire(h2());
        String node = handle.store().nodeId();

        StoreRegistry.closeIdle();
        assertThat(nodeRegistered(node)).as("still in use").isTrue();
        handle.release();

        assertThat(nodeRegistered(node)).as("after its last release").isFalse();
    }

    @Test
    void aDatabaseThatDoesNotAnswerDoesNotDelayConnectionsToOtherStores() throws Exception {
        // accepts TCP connections (the kernel's backlog) but never answers: opening waits for the pool's timeout
        try (ServerSocket silent = new ServerSocket(0)) {
            JdbcStoreConfig unanswered = JdbcStoreConfig.defaults("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort()
                    + "/silent").withUser("nobody").withTablePrefix(prefix);
            CompletableFuture<StoreRegistry.Handle> stuck = CompletableFuture.supplyAsync(() -> {
                try {
                    return StoreRegistry.acquire(unanswered);
                } catch (jakarta.jms.JMSException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> threadsOpening() > 0);

            long start = System.nanoTime();
            StoreRegistry.Handle other = StoreRegistry.acquire(h2());
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            other.release();

            assertThat(stuck).as("the silent database's open, still waiting").isNotDone();
            assertThat(tookMillis).as("ms to open an H2 store meanwhile").isLessThan(3_000);
            assertThat(stuck).failsWithin(Duration.ofSeconds(30));
        }
    }

    /** Threads inside the pool's first connection attempt of a store being opened. */
    private static long threadsOpening() {
        return Thread.getAllStackTraces().values().stream().filter(stack -> {
            for (StackTraceElement e : stack) {
                if (e.getClassName().endsWith("JdbcMessageStore") && e.getMethodName().equals("open")) {
                    return true;
                }
            }
            return false;
        }).count();
    }

    private boolean nodeRegistered(String node) throws Exception {
        // beside the store, H2 must be named as the store names it (see H2Dialect.tuneUrl)
        try (Connection c = DriverManager.getConnection(url.replace("jdbc:h2:file:", "jdbc:h2:retry:file:"), "sa", "");
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + prefix + "nodes WHERE node_id = ?")) {
            ps.setString(1, node);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }
}
