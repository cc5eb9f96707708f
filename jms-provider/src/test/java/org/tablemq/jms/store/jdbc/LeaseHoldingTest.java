package org.tablemq.jms.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tablemq.jms.store.jdbc.StoreFixture.message;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.store.ClaimRequest;
import org.tablemq.jms.store.DestinationRef;
import org.tablemq.jms.store.Endpoint;
import org.tablemq.jms.store.StoredMessage;
import org.tablemq.jms.store.SubscriptionSpec;
import org.tablemq.jms.testing.TestDatabase;

/**
 * A node knows which claims it still holds ({@code holds}), keeps them while it lives even when its connection pool
 * is exhausted, learns when another node took one, and gives back a lost claim without disturbing a newer claim of
 * the same message. Leases of 1000 ms, the minimum, so each test takes a few seconds.
 */
class LeaseHoldingTest {

    private static final long LEASE = 1000;
    private StoreFixture fixture;

    private StoreFixture fixture(TestDatabase db) {
        db.assumeAvailable();
        fixture = new StoreFixture(db);
        return fixture;
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    /** PostgreSQL renews claims row by row, so it learns of each claim another node took (H2: see below). */
    @Test
    void aRenewedClaimStaysHeldAndOneTakenByAnotherNodeStopsBeingHeld() throws Exception {
        StoreFixture f = fixture(TestDatabase.POSTGRESQL);
        JdbcMessageStore node = f.open(f.config().withLeaseMillis(LEASE));
        DestinationRef queue = DestinationRef.queue("held");
        node.send(List.of(message(queue, "kept"), message(queue, "taken")));
        List<StoredMessage> claimed = node.claim(new ClaimRequest(node.queueEndpoint(queue.name()), "c1", 2, null));
        StoredMessage kept = claimed.get(0);
        StoredMessage taken = claimed.get(1);
        assertThat(node.holds(kept)).isTrue();
        assertThat(node.holds(taken)).isTrue();

        // another node expired the lease and claimed the message meanwhile
        f.execute("UPDATE {p}messages SET owner = 'other-consumer', owner_node = 'other-node' WHERE id = ?", taken.id());

        await("the taken claim to be known as lost").atMost(Duration.ofSeconds(3)).until(() -> !node.holds(taken));
        // two more leases: only renewals can keep it held that long
        await().during(Duration.ofMillis(2 * LEASE)).atMost(Duration.ofMillis(3 * LEASE)).until(() -> node.holds(kept));
        assertThat(node.holds(new StoredMessage(kept.id(), kept.endpointId(), kept.payload(), kept.priority(),
                kept.expiration(), kept.deliveryCount() + 1, null, null)))
                .as("another claim of the same message").isFalse();
    }

    /**
     * On H2 a row update rewrites the whole row, payload included, so claims are not renewed row by row: they live as
     * long as their node's heartbeat. The claimed row is never rewritten while it is held, and claims are freed only
     * once their node is not alive.
     */
    @Test
    void onH2ClaimsLiveWithTheirNodeWithoutRewritingTheirRows() throws Exception {
        StoreFixture f = fixture(TestDatabase.H2);
        JdbcMessageStore node = f.open(f.config().withLeaseMillis(LEASE));
        DestinationRef queue = DestinationRef.queue("node-lease");
        node.send(List.of(message(queue, "held"), message(queue, "of a dead node"), message(queue, "of a live node")));
        Endpoint endpoint = node.queueEndpoint(queue.name());
        StoredMessage held = node.claim(new ClaimRequest(endpoint, "c1", 1, null)).get(0);
        long leaseWritten = f.count("SELECT lease_until FROM {p}messages WHERE id = ?", held.id());
        long past = System.currentTimeMillis() - 10 * LEASE;
        f.execute("UPDATE {p}messages SET owner = 'c2', owner_node = 'dead-node', lease_until = ?"
                + " WHERE owner IS NULL AND id = (SELECT MIN(id) FROM {p}messages WHERE owner IS NULL)", past);
        f.execute("UPDATE {p}messages SET owner = 'c3', owner_node = 'live-node', lease_until = ? WHERE owner IS NULL", past);
        f.execute("INSERT INTO {p}nodes (node_id, heartbeat, alive_until) VALUES ('live-node', ?, ?)",
                System.currentTimeMillis(), Long.MAX_VALUE);

        await("a claim of a node that is not alive to be freed").atMost(Duration.ofMillis(3 * LEASE))
                .until(() -> f.count("SELECT COUNT(*) FROM {p}messages WHERE owner_node = 'dead-node'") == 0);
        await().during(Duration.ofMillis(2 * LEASE)).atMost(Duration.ofMillis(3 * LEASE)).until(() -> node.holds(held));
        assertThat(f.count("SELECT lease_until FROM {p}messages WHERE id = ?", held.id()))
                .as("the held row's lease, never rewritten").isEqualTo(leaseWritten);
        assertThat(f.count("SELECT COUNT(*) FROM {p}messages WHERE owner_node = 'live-node'"))
                .as("a claim of a live node past its first lease").isEqualTo(1);
        node.acknowledge(List.of(held.id()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNodeRestartedUnderItsNameGivesBackWhatItsEarlierRunClaimed(TestDatabase db) throws Exception {
        StoreFixture f = fixture(db);
        String name = "restarted-" + f.prefix;
        long longLease = 60_000;        // so that no lease runs out during the test: only the restart frees the claim
        JdbcMessageStore earlier = f.open(f.config().withLeaseMillis(longLease));
        DestinationRef queue = DestinationRef.queue("restart");
        earlier.send(List.of(message(queue, "claimed by the earlier run")));
        Endpoint endpoint = earlier.queueEndpoint(queue.name());
        // the earlier run of the node died holding the claim, last renewed half a lease ago
        f.execute("UPDATE {p}messages SET owner = 'c1', owner_node = ?, lease_until = ?, delivery_count = 1",
                name, System.currentTimeMillis() + longLease / 2);

        JdbcMessageStore restarted = f.open(f.config().withLeaseMillis(longLease).withNodeName(name));

        List<StoredMessage> again = new java.util.ArrayList<>();
        await("the earlier run's claim to be given back").atMost(Duration.ofSeconds(5))
                .until(() -> again.addAll(restarted.claim(new ClaimRequest(endpoint, "c2", 1, null))));
        assertThat(again.get(0).deliveryCount()).as("counted as a second delivery").isEqualTo(2);
        StoredMessage mine = again.get(0);
        Thread.sleep(200);          // the restarted run's own claim is not given back with the earlier run's
        assertThat(restarted.holds(mine)).isTrue();
        restarted.acknowledge(List.of(mine.id()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void givingBackALostClaimLeavesANewerClaimOfTheSameMessageAlone(TestDatabase db) throws Exception {
        StoreFixture f = fixture(db);
        JdbcMessageStore node = f.open(f.config().withLeaseMillis(LEASE));
        DestinationRef queue = DestinationRef.queue("reclaimed");
        node.send(List.of(message(queue, "once")));
        Endpoint endpoint = node.queueEndpoint(queue.name());
        StoredMessage stale = node.claim(new ClaimRequest(endpoint, "stalled-consumer", 1, null)).get(0);
        // the lease ran out (the node stalled) and was expired; another consumer of this node claimed the message
        f.execute("UPDATE {p}messages SET owner = NULL, owner_node = NULL, lease_until = NULL WHERE id = ?", stale.id());
        StoredMessage fresh = node.claim(new ClaimRequest(endpoint, "other-consumer", 1, null)).get(0);
        assertThat(fresh.deliveryCount()).isEqualTo(stale.deliveryCount() + 1);
        assertThat(node.holds(stale)).as("the stalled consumer's claim").isFalse();
        assertThat(node.holds(fresh)).isTrue();

        node.releaseUndelivered(List.of(stale));

        assertThat(node.holds(fresh)).isTrue();
        node.acknowledge(List.of(fresh.id()));      // throws ClaimLostException if the fresh claim had been undone
        assertThat(node.depth(endpoint)).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNodeWhosePoolIsExhaustedKeepsItsHeartbeatAndItsLeases(TestDatabase db) throws Exception {
        StoreFixture f = fixture(db);
        JdbcMessageStore busy = f.open(f.config().withLeaseMillis(LEASE).withMaxPoolSize(1).withNodeName("busy-" + f.prefix));
        JdbcMessageStore judge = f.open(f.config().withLeaseMillis(LEASE));
        DestinationRef queue = DestinationRef.queue("exhausted");
        busy.send(List.of(message(queue, "held")));
        StoredMessage held = busy.claim(new ClaimRequest(busy.queueEndpoint(queue.name()), "c1", 1, null)).get(0);
        SubscriptionSpec durable = new SubscriptionSpec("events", "audit", "client-1", true, false, null, false, null);
        busy.detach(busy.attach(durable));
        long subscription = f.count("SELECT MAX(id) FROM {p}endpoints");

        try (Connection locker = f.connect()) {
            locker.setAutoCommit(false);
            try (var ps = locker.prepareStatement("SELECT id FROM " + f.prefix + "endpoints WHERE id = ? FOR UPDATE")) {
                ps.setLong(1, subscription);
                ps.executeQuery().close();
            }
            // unsubscribing waits for the subscription's row lock on the busy node's only pooled connection
            CompletableFuture<Void> unsubscribe = CompletableFuture.runAsync(() -> {
                try {
                    busy.unsubscribe("client-1", "audit");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });

            await("the busy node to stay alive and keep its lease").during(Duration.ofMillis(3 * LEASE))
                    .atMost(Duration.ofMillis(4 * LEASE)).until(() ->
                            busy.holds(held)
                            && f.count("SELECT COUNT(*) FROM {p}messages WHERE id = ? AND owner_node = ?", held.id(),
                                    busy.nodeId()) == 1
                            && f.count("SELECT COUNT(*) FROM {p}nodes WHERE node_id = ?", busy.nodeId()) == 1);
            assertThat(unsubscribe).as("the pool stayed exhausted throughout").isNotDone();
            locker.rollback();
            unsubscribe.get();
        }
        assertThat(judge.nodeId()).isNotEqualTo(busy.nodeId());
    }
}
