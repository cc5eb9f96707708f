package org.tablemq.jms.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.tablemq.jms.store.jdbc.StoreFixture.message;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.tablemq.jms.store.DestinationRef;
import org.tablemq.jms.store.Endpoint;
import org.tablemq.jms.store.OutgoingMessage;
import org.tablemq.jms.store.StoreUnavailableException;
import org.tablemq.jms.store.Subscription;
import org.tablemq.jms.store.SubscriptionInUseException;
import org.tablemq.jms.store.SubscriptionSpec;
import org.tablemq.jms.testing.TestDatabase;

/** The contract on PostgreSQL, plus what only a shared server can show: several nodes and outages. */
class PostgresMessageStoreTest extends MessageStoreContract {

    static {
        // Surefire enables assertions; the PostgreSQL driver then throws AssertionError instead of SQLException
        // from a batch whose connection broke (BatchResultHandler.isAutoCommit). Production runs without -ea.
        PostgresMessageStoreTest.class.getClassLoader().setPackageAssertionStatus("org.postgresql", false);
    }

    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }

    @Test
    void twoNodesConsumingOneQueueConcurrentlyGetEachMessageExactlyOnce(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        JdbcMessageStore other = fixture.open();
        int total = 10_000;
        for (int start = 0; start < total; start += 500) {
            List<OutgoingMessage> batch = new ArrayList<>();
            for (int i = start; i < start + 500; i++) {
                batch.add(message(queue, "m" + i));
            }
            store.send(batch);
        }
        Endpoint endpoint = store.queueEndpoint(queue.name());

        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        consume(List.of(store, other), endpoint, 4, total, seen, duplicates);

        assertThat(duplicates).hasValue(0);
        assertThat(seen).hasSize(total);
        assertThat(store.depth(endpoint)).isZero();
    }

    @Test
    void aSendOnOneNodeWakesAConsumerWaitingOnAnotherNodeAtOnce(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        JdbcMessageStore other = fixture.open();
        Endpoint endpoint = other.queueEndpoint(queue.name());
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        List<Long> latenciesMillis = new ArrayList<>();
        try {
            for (int round = 0; latenciesMillis.size() < 5 && round < 50; round++) {
                long seen = other.arrivals().version(endpoint.id());
                Future<Long> wokeAt = waiter.submit(() ->
                        other.arrivals().await(endpoint.id(), seen, TimeUnit.SECONDS.toNanos(10)) ? System.nanoTime() : -1L);
                await().atMost(Duration.ofSeconds(5)).until(() -> waiting(other) || wokeAt.isDone());
                if (wokeAt.isDone()) {
                    continue;     // woken by something else (e.g. the listener connecting); measure again
                }
                store.send(List.of(message(queue, "news " + round)));
                long sentAt = System.nanoTime();
                long woke = wokeAt.get(15, TimeUnit.SECONDS);
                assertThat(woke).as("the waiter on the other node was woken").isPositive();
                latenciesMillis.add(TimeUnit.NANOSECONDS.toMillis(Math.max(0, woke - sentAt)));
            }
        } finally {
            waiter.shutdownNow();
        }
        // PostgreSQL delivers the notification when the send commits; the store never polls there
        assertThat(latenciesMillis.stream().sorted().toList().get(2)).as("median of %s", latenciesMillis).isLessThan(100);
    }

    @Test
    void onlyOneConsumerInTheClusterGetsAnUnsharedDurableSubscriptionWhenManyAttachAtOnce(TestInfo info) throws Exception {
        JdbcMessageStore other = fixture.open();
        SubscriptionSpec spec = new SubscriptionSpec(unique(info), "one", "client-" + unique(info), true, false, null,
                false, "c1");
        ExecutorService threads = Executors.newFixedThreadPool(8);
        AtomicInteger attached = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                JdbcMessageStore node = i % 2 == 0 ? store : other;
                running.add(threads.submit(() -> {
                    try {
                        node.attach(spec);
                        attached.incrementAndGet();
                    } catch (SubscriptionInUseException e) {
                        refused.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(attached).hasValue(1);
        assertThat(refused).hasValue(7);
    }

    @Test
    void sharedSubscriptionSpreadsItsMessagesOverConsumersOnTwoNodes(TestInfo info) throws Exception {
        JdbcMessageStore other = fixture.open();
        String topic = unique(info);
        SubscriptionSpec spec = new SubscriptionSpec(topic, "workers", null, false, true, null, false, "c1");
        Subscription here = store.attach(spec);
        Subscription there = other.attach(spec);
        List<OutgoingMessage> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(message(DestinationRef.topic(topic), "job" + i));
        }
        store.send(batch);

        List<String> a = StoreFixture.texts(store.claim(claimAll(here.endpoint(), 4)));
        List<String> b = StoreFixture.texts(other.claim(claimAll(there.endpoint(), 100)));

        assertThat(a).hasSize(4);
        assertThat(b).hasSize(6).doesNotContainAnyElementsOf(a);
        store.detach(here);
        assertThat(other.depth(there.endpoint())).isEqualTo(10);   // still has a consumer on the other node
    }

    @Test
    void nodesStartingTogetherOnAnEmptyDatabaseAllOpenOneSchema() throws Exception {
        try (StoreFixture fresh = new StoreFixture(TestDatabase.POSTGRESQL)) {
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                List<Future<JdbcMessageStore>> opening = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    opening.add(threads.submit(() -> fresh.open()));
                }
                for (Future<JdbcMessageStore> f : opening) {
                    assertThat(f.get(60, TimeUnit.SECONDS).nodeId()).isNotEmpty();
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(fresh.count("SELECT COUNT(*) FROM {p}schema_version")).isEqualTo(1);
            assertThat(fresh.count("SELECT version FROM {p}schema_version")).isEqualTo(SchemaMigrator.CURRENT);
        }
    }

    private static boolean waiting(JdbcMessageStore s) {
        return ((Arrivals) s.arrivals()).hasWaiters();
    }

    @Test
    void openingAStoreOnAnUnreachableDatabaseThrowsStoreUnavailableNamingTheUrl() {
        String url = "jdbc:postgresql://127.0.0.1:1/test?password=secret";

        assertThatThrownBy(() -> JdbcMessageStore.open(fixture.config().withUrl(url)))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("jdbc:postgresql://127.0.0.1:1/test?password=****")
                .hasMessageContaining("SQLState 08")
                .hasMessageNotContaining("secret");
    }

    @Test
    void storeRecoversByItselfAfterItsConnectionsAreTerminated(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        JdbcMessageStore victim = fixture.open();
        victim.send(List.of(message(queue, "before")));

        try (Connection admin = fixture.connect(); var ps = admin.prepareStatement(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name LIKE ?")) {
            ps.setString(1, "tablemq-" + victim.nodeId() + "%");
            ps.execute();
        }

        await().atMost(Duration.ofSeconds(30)).ignoreException(StoreUnavailableException.class)
                .untilAsserted(() -> victim.send(List.of(message(queue, "after"))));
        Endpoint endpoint = victim.queueEndpoint(queue.name());
        assertThat(victim.depth(endpoint)).isGreaterThanOrEqualTo(2);
        // the LISTEN connection came back too: news from another node still arrives
        long seen = victim.arrivals().version(endpoint.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            store.send(List.of(message(queue, "ping")));
            return victim.arrivals().await(endpoint.id(), seen, TimeUnit.MILLISECONDS.toNanos(200));
        });
    }

    @Test
    void storeFailsWhileTheDatabaseIsUnreachableAndWorksAgainWhenItReturns(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        try (TcpProxy proxy = new TcpProxy("127.0.0.1", 5432)) {
            JdbcMessageStore viaProxy = fixture.open(fixture.config()
                    .withUrl("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/test"));
            viaProxy.send(List.of(message(queue, "before")));

            proxy.stop();
            assertThatThrownBy(() -> viaProxy.send(List.of(message(queue, "during"))))
                    .isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("127.0.0.1:" + proxy.port())
                    .hasMessageContaining("SQLState");
            proxy.start();

            await().atMost(Duration.ofSeconds(60)).ignoreException(StoreUnavailableException.class)
                    .untilAsserted(() -> viaProxy.send(List.of(message(queue, "after"))));
            assertThat(store.claim(claimAll(store.queueEndpoint(queue.name()), 10)))
                    .extracting(StoreFixture::text).containsExactly("before", "after");
        }
    }

    /**
     * A claim waits for its WAL to be flushed like any other write: a crash of the database server must not forget a
     * claim whose messages a consumer already has (they would be delivered again without JMSRedelivered).
     */
    @Test
    void aClaimCommitsDurably(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        store.send(List.of(message(queue, "m")));
        Endpoint endpoint = store.queueEndpoint(queue.name());
        String claim = new PostgresDialect(fixture.prefix).claimInOneStatement().orElseThrow();

        try (Connection c = fixture.connect()) {
            c.setAutoCommit(false);
            List<Long> claimed = Jdbc.query(c, claim, ps -> {
                ps.setString(1, "consumer");
                ps.setString(2, "node");
                ps.setLong(3, System.currentTimeMillis() + 60_000);
                ps.setLong(4, endpoint.id());
                ps.setLong(5, System.currentTimeMillis());
                ps.setLong(6, System.currentTimeMillis());
                ps.setInt(7, 10);
            }, rs -> rs.getLong(1));
            assertThat(claimed).hasSize(1);
            assertThat(synchronousCommit(c)).as("synchronous_commit in the claim's transaction").isEqualTo("on");
            c.commit();
        }
        assertThat(store.claim(claimAll(endpoint, 10))).as("left to claim once the claim committed").isEmpty();
    }

    private static String synchronousCommit(Connection c) throws java.sql.SQLException {
        return Jdbc.queryOne(c, "SHOW synchronous_commit", ps -> { }, rs -> rs.getString(1)).orElseThrow();
    }

    @Test
    void openingAStoreDoesNotReadTheBacklog() throws Exception {
        JdbcMessageStore seeded = fixture.open();
        Endpoint endpoint = seeded.queueEndpoint("backlog");
        fixture.execute("INSERT INTO {p}messages (endpoint_id, state, priority, deliver_at, expiration, delivery_count,"
                + " payload) SELECT ?, 'R', 4, 0, 0, 0, '\\x00'::bytea FROM generate_series(1, 200000)", endpoint.id());

        // while another transaction holds the messages table exclusively, anything that reads it would block
        try (Connection locker = fixture.connect()) {
            locker.setAutoCommit(false);
            try (var s = locker.createStatement()) {
                s.execute("LOCK TABLE " + fixture.prefix + "messages IN ACCESS EXCLUSIVE MODE");
            }
            CompletableFuture<JdbcMessageStore> opening = CompletableFuture.supplyAsync(() -> {
                try {
                    return fixture.open();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(60)).until(opening::isDone);
            assertThat(opening.get().nodeId()).isNotEmpty();
            locker.rollback();
        }
        assertThat(seeded.depth(endpoint)).isEqualTo(200_000);
    }
}
