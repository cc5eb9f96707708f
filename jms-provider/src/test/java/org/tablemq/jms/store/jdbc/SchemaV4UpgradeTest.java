package org.tablemq.jms.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablemq.jms.store.jdbc.StoreFixture.message;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.store.ClaimRequest;
import org.tablemq.jms.store.DestinationRef;
import org.tablemq.jms.store.Endpoint;
import org.tablemq.jms.store.Release;
import org.tablemq.jms.store.StoredMessage;
import org.tablemq.jms.store.Subscription;
import org.tablemq.jms.store.SubscriptionSpec;
import org.tablemq.jms.testing.TestDatabase;

/**
 * Schema version 4 (enqueue time, machine-readable dead-letter origin), reached in place from version 3 tables that
 * already hold messages: those keep working with an unknown (0) enqueue time, new ones get theirs.
 */
class SchemaV4UpgradeTest {

    private StoreFixture fixture;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void versionThreeTablesWithMessagesAreUpgradedInPlaceAndKeepWorking(TestDatabase database) throws Exception {
        database.assumeAvailable();
        fixture = new StoreFixture(database);
        createVersionThree();
        long before = System.currentTimeMillis();

        JdbcMessageStore store = fixture.open();
        store.send(List.of(message(DestinationRef.queue("orders"), "after")));

        assertThat(fixture.count("SELECT version FROM {p}schema_version")).isEqualTo(4);
        Endpoint orders = store.queueEndpoint("orders");
        List<StoredMessage> got = store.claim(new ClaimRequest(orders, "c", 10, null));
        assertThat(StoreFixture.texts(got)).containsExactly("before", "after");
        assertThat(fixture.count("SELECT enqueued_at FROM {p}messages WHERE id = ?", got.get(0).id())).isZero();
        assertThat(fixture.count("SELECT enqueued_at FROM {p}messages WHERE id = ?", got.get(1).id()))
                .isBetween(before, System.currentTimeMillis());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deadLetterRecordsTheKindDestinationAndSubscriptionItCameFrom(TestDatabase database) throws Exception {
        database.assumeAvailable();
        fixture = new StoreFixture(database);
        JdbcMessageStore store = fixture.open();
        Subscription sub = store.attach(new SubscriptionSpec("payments", "billing", "shop", true, false, null, false, "c1"));
        store.send(List.of(message(DestinationRef.topic("payments"), "from topic"),
                message(DestinationRef.queue("orders"), "from queue")));
        StoredMessage fromTopic = store.claim(new ClaimRequest(sub.endpoint(), "c", 1, null)).get(0);
        StoredMessage fromQueue = store.claim(new ClaimRequest(store.queueEndpoint("orders"), "c", 1, null)).get(0);

        store.release(List.of(Release.deadLetter(fromTopic.id(), new Release.DeadLetter("DLQ", "failed")),
                Release.deadLetter(fromQueue.id(), new Release.DeadLetter("DLQ", "failed"))));

        assertThat(origin(fromTopic.id())).isEqualTo("T|payments|" + Topology.subscriptionKey(sub.spec()));
        assertThat(origin(fromQueue.id())).isEqualTo("Q|orders|null");
    }

    private String origin(long id) throws Exception {
        try (Connection c = fixture.connect(); PreparedStatement ps = c.prepareStatement(("SELECT dl_origin_kind,"
                + " dl_origin_destination, dl_origin_sub_key FROM {p}messages WHERE id = ?").replace("{p}", fixture.prefix))) {
            ps.setLong(1, id);
            try (var rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1).trim() + "|" + rs.getString(2) + "|" + rs.getString(3);
            }
        }
    }

    /** Tables as schema version 3 left them, with one queue message written the way version 3 wrote it. */
    private void createVersionThree() throws Exception {
        Dialect v3 = Dialect.forUrl(fixture.url, fixture.prefix);
        try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
            s.execute(v3.createVersionTable());
            for (List<String> step : List.of(v3.schemaV1(), v3.schemaV2(), v3.schemaV3())) {
                for (String ddl : step) {
                    s.execute(ddl);
                }
            }
            s.execute(v3.sql("INSERT INTO {p}schema_version (version) VALUES (3)"));
            s.execute(v3.sql("INSERT INTO {p}destinations (name, kind, deleted) VALUES ('orders', 'Q', FALSE)"));
            s.execute(v3.sql("INSERT INTO {p}endpoints (destination_id, sub_key, description, durable, shared, no_local)"
                    + " SELECT id, 'Q:' || id, 'queue ''orders''', TRUE, FALSE, FALSE FROM {p}destinations"));
            try (PreparedStatement ps = c.prepareStatement(v3.sql("INSERT INTO {p}messages (endpoint_id, state, priority,"
                    + " deliver_at, expiration, delivery_count, message_id, payload)"
                    + " SELECT id, 'R', 4, 0, 0, 0, 'ID:before', ? FROM {p}endpoints"))) {
                ps.setBytes(1, "before".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                ps.executeUpdate();
            }
        }
    }
}
