package org.tablemq.jms.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tablemq.jms.store.jdbc.StoreFixture.message;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
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

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRenewedClaimStaysHeldAndOneTakenByAnotherNodeStopsBeingHeld(TestDatabase db) throws Exception {
        StoreFixture f = fixture(db);
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
