package org.tablemq.jms.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tablemq.jms.store.jdbc.StoreFixture.message;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.tablemq.jms.store.ClaimRequest;
import org.tablemq.jms.store.DestinationRef;
import org.tablemq.jms.store.Endpoint;
import org.tablemq.jms.store.OutgoingMessage;
import org.tablemq.jms.store.StoredMessage;
import org.tablemq.jms.store.SubscriberMatcher;
import org.tablemq.jms.testing.TestDatabase;

class H2MessageStoreTest extends MessageStoreContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }

    @Test
    void storeWithH2SyncForcesEachCommitToDiskAndStillWorks() throws Exception {
        JdbcMessageStore synced = fixture.open(fixture.config().withH2Sync(true));
        DestinationRef queue = DestinationRef.queue("synced");
        synced.send(List.of(message(queue, "on disk")));

        assertThat(synced.claim(claimAll(synced.queueEndpoint("synced"), 1)))
                .extracting(StoreFixture::text).containsExactly("on disk");
    }

    @Test
    void storeWithH2SyncRunsH2WithAShortChunkRetention(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("synced").toAbsolutePath();
        fixture.open(JdbcStoreConfig.defaults(url).withH2Sync(true));

        assertThat(retentionTime(url)).isEqualTo(H2Dialect.SYNCED_RETENTION_MILLIS);
    }

    @Test
    void storeWithoutH2SyncForcesTheFileItselfAndSoRunsH2WithAShortChunkRetention(@TempDir Path dir)
            throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("flushed").toAbsolutePath();
        fixture.open(JdbcStoreConfig.defaults(url));

        assertThat(retentionTime(url)).isEqualTo(H2Dialect.SYNCED_RETENTION_MILLIS);
    }

    @Test
    void theFileIsForcedOnAThreadOfItsOwnThatEndsWithTheStore(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("flushed").toAbsolutePath();
        JdbcMessageStore store = fixture.open(JdbcStoreConfig.defaults(url).withNodeName("flushing-node"));
        assertThat(flushThreads()).as("while open").isEqualTo(1);

        store.close();

        await().atMost(Duration.ofSeconds(10)).until(() -> flushThreads() == 0);
    }

    private static long flushThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().equals("tablemq-h2-flush-flushing-node")).count();
    }

    @Test
    void aChunkRetentionInTheUrlWins(@TempDir Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("own").toAbsolutePath() + ";RETENTION_TIME=30000";
        fixture.open(JdbcStoreConfig.defaults(url));

        assertThat(retentionTime(url)).isEqualTo(30000);
    }

    private static int retentionTime(String url) throws Exception {
        // beside the store, a connection must name the database as the store does (retry: file system)
        try (Connection c = java.sql.DriverManager.getConnection(H2Dialect.tuneUrl(url));
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'RETENTION_TIME'")) {
            assertThat(rs.next()).isTrue();
            return Integer.parseInt(rs.getString(1));
        }
    }

    @Test
    void storeUpgradesVersionOneTablesToInlinePayloadsAndKeepsWorking() throws Exception {
        String prefix = TestDatabase.uniquePrefix();
        H2Dialect v1 = new H2Dialect(prefix);
        try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
            s.execute(v1.createVersionTable());
            for (String ddl : v1.schemaV1()) {
                s.execute(ddl);
            }
            s.execute("INSERT INTO " + prefix + "schema_version (version) VALUES (1)");
        }

        JdbcMessageStore upgraded = fixture.open(fixture.config().withTablePrefix(prefix));
        upgraded.send(List.of(message(DestinationRef.queue("upgraded"), "after the upgrade")));

        assertThat(upgraded.claim(claimAll(upgraded.queueEndpoint("upgraded"), 1)))
                .extracting(StoreFixture::text).containsExactly("after the upgrade");
        assertThat(fixture.count("SELECT version FROM " + prefix + "schema_version")).isEqualTo(SchemaMigrator.CURRENT);
        assertThat(fixture.count("SELECT COUNT(*) FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_NAME = ?"
                + " AND COLUMN_NAME = 'PAYLOAD' AND DATA_TYPE = 'BINARY VARYING'", (prefix + "messages").toUpperCase()))
                .isEqualTo(1);
    }

    @Test
    void aClaimTakesMessagesOnlyUpToItsPayloadBudgetAndAMessageAboveItAlone() throws Exception {
        JdbcMessageStore store = fixture.open();
        DestinationRef queue = DestinationRef.queue("budget");
        for (int size : new int[] {1000, 1000, 1000, 5000}) {
            store.send(List.of(new OutgoingMessage(queue, "ID:" + UUID.randomUUID(), new byte[size], 4, 0, 0, true,
                    null, SubscriberMatcher.ALL)));
        }
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(H2Dialect.tuneUrl(fixture.url));
        ds.setUser("sa");
        Claimer claimer = new Claimer(new Jdbc(ds, fixture.url, "ID"), new H2Dialect(fixture.prefix), "budget-node",
                30_000, 2_500);
        Endpoint endpoint = store.queueEndpoint("budget");

        assertThat(claimer.claim(claimAll(endpoint, 10))).extracting(m -> m.payload().length).containsExactly(1000, 1000);
        assertThat(claimer.claim(claimAll(endpoint, 10))).extracting(m -> m.payload().length).containsExactly(1000);
        assertThat(claimer.claim(claimAll(endpoint, 10))).extracting(m -> m.payload().length).containsExactly(5000);
    }

    @Test
    void h2TakesMessagesUpToAThirtySecondOfTheMaximumHeap() {
        assertThat(H2Dialect.payloadLimit(256L * 1024 * 1024).bytes()).isEqualTo(8L * 1024 * 1024);
        assertThat(H2Dialect.payloadLimit(256L * 1024 * 1024).why()).contains("1/32", "maximum heap");
    }

    @Test
    void storeAddsDurableCommitSettingsAShortChunkRetentionAndNoTraceFileToTheH2UrlUnlessGiven() {
        String tuned = ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;RETENTION_TIME=1000;TRACE_LEVEL_FILE=0;DB_CLOSE_ON_EXIT=FALSE";
        assertThat(H2Dialect.tuneUrl("jdbc:h2:file:/x")).isEqualTo("jdbc:h2:retry:file:/x" + tuned);
        assertThat(H2Dialect.tuneUrl("jdbc:h2:file:/x;write_delay=100"))
                .isEqualTo("jdbc:h2:retry:file:/x;write_delay=100" + tuned.replace(";WRITE_DELAY=0", ""));
        assertThat(H2Dialect.tuneUrl("jdbc:h2:file:/x;retention_time=45000;trace_level_file=1;db_close_on_exit=true"))
                .isEqualTo("jdbc:h2:retry:file:/x;retention_time=45000;trace_level_file=1;db_close_on_exit=true"
                        + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000");
    }

    @Test
    void embeddedFileDatabasesGoThroughTheInterruptSafeFileSystemAndOthersAreLeftAlone() {
        assertThat(H2Dialect.interruptSafe("jdbc:h2:file:./data/q")).isEqualTo("jdbc:h2:retry:file:./data/q");
        assertThat(H2Dialect.interruptSafe("jdbc:h2:./data/q;MODE=PostgreSQL")).isEqualTo("jdbc:h2:retry:./data/q;MODE=PostgreSQL");
        assertThat(H2Dialect.interruptSafe("jdbc:h2:~/q")).isEqualTo("jdbc:h2:retry:~/q");
        assertThat(H2Dialect.interruptSafe("jdbc:h2:/srv/q")).isEqualTo("jdbc:h2:retry:/srv/q");
        assertThat(H2Dialect.interruptSafe("jdbc:h2:C:/data/q")).isEqualTo("jdbc:h2:retry:C:/data/q");
        assertThat(H2Dialect.interruptSafe("jdbc:h2:mem:q;DB_CLOSE_DELAY=-1")).isEqualTo("jdbc:h2:mem:q;DB_CLOSE_DELAY=-1");
        assertThat(H2Dialect.interruptSafe("jdbc:h2:tcp://db:9092/q")).isEqualTo("jdbc:h2:tcp://db:9092/q");
        assertThat(H2Dialect.interruptSafe("jdbc:h2:async:/srv/q")).isEqualTo("jdbc:h2:async:/srv/q");
        assertThat(H2Dialect.interruptSafe("jdbc:h2:retry:/srv/q")).isEqualTo("jdbc:h2:retry:/srv/q");
    }

    /**
     * H2 claims read their candidates without a lock. Between one claimer's read and its UPDATE, another consumer
     * can claim the row, fail the delivery and give the message back: unclaimed again, one delivery more. The late
     * claim must then take nothing; taking the row would hand out the count it read (1 instead of 2), and the
     * redelivery would look like a first delivery (JMSXDeliveryCount 1, JMSRedelivered false).
     * <p>
     * Made deterministic with a row lock: a plain connection does what that other consumer's claim and give-back
     * leave behind (delivery_count + 1, owner still NULL) without committing, the late claim reads the committed
     * row (unclaimed, count 0) and waits for the lock in its UPDATE; once H2 reports it blocked, the change commits.
     */
    @Test
    void claimOfACandidateClaimedAndGivenBackSinceItWasReadTakesNothing(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        store.send(List.of(message(queue, "contended")));
        Endpoint endpoint = store.queueEndpoint(queue.name());
        long id = fixture.count("SELECT id FROM {p}messages WHERE endpoint_id = ?", endpoint.id());

        CompletableFuture<List<StoredMessage>> late;
        try (Connection other = fixture.connect()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement(
                    ("UPDATE {p}messages SET delivery_count = delivery_count + 1 WHERE id = ?").replace("{p}", fixture.prefix))) {
                ps.setLong(1, id);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            late = CompletableFuture.supplyAsync(() -> {
                try {
                    return store.claim(new ClaimRequest(endpoint, "late-consumer", 1, null));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> sessionsBlockedBy(other) > 0);
            other.commit();
        }

        assertThat(late.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(store.claim(claimAll(endpoint, 1))).singleElement()
                .satisfies(m -> assertThat(m.deliveryCount()).as("count of the next claim").isEqualTo(2));
        assertThat(fixture.count("SELECT delivery_count FROM {p}messages WHERE id = ?", id)).isEqualTo(2);
    }

    @Test
    void statementsThatAddressOneRowByIdUseThePrimaryKeyEvenWhenPreparedOnAnEmptyTable() throws Exception {
        String prefix = TestDatabase.uniquePrefix();
        fixture.open(fixture.config().withTablePrefix(prefix));   // creates the tables, leaves them empty
        H2Dialect dialect = new H2Dialect(prefix);
        try (Connection c = fixture.connect()) {
            // H2 keeps the plan a statement got when first prepared; these are prepared while the queue is empty
            for (String byId : List.of(dialect.claimRow, dialect.ackRow, dialect.releaseRow, dialect.holdRow,
                    dialect.deadLetterRow, dialect.releaseHeldRow, dialect.deadLetterHeldRow, dialect.releaseUndeliveredClaim)) {
                assertThat(plan(c, byId)).as(byId).containsIgnoringCase("PRIMARY_KEY").doesNotContain("_FK_INDEX")
                        .doesNotContainIgnoringCase("MESSAGES_XID").doesNotContainIgnoringCase("MESSAGES_CLAIM");
            }
        }
    }

    private static String plan(Connection c, String statement) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + statement)) {
            for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                ps.setLong(i, 1);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** How many H2 sessions wait for a lock that {@code holder}'s session holds. */
    private static int sessionsBlockedBy(Connection holder) throws java.sql.SQLException {
        try (Statement s = holder.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS WHERE BLOCKER_ID = SESSION_ID()")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
