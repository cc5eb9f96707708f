package org.tablemq.jms.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablemq.jms.store.jdbc.StoreFixture.message;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tablemq.jms.store.DestinationRef;
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
    void storeAddsDurableCommitSettingsToTheH2UrlUnlessGiven() {
        assertThat(H2Dialect.tuneUrl("jdbc:h2:file:/x")).isEqualTo("jdbc:h2:file:/x;WRITE_DELAY=0;LOCK_TIMEOUT=10000");
        assertThat(H2Dialect.tuneUrl("jdbc:h2:file:/x;write_delay=100")).isEqualTo("jdbc:h2:file:/x;write_delay=100;LOCK_TIMEOUT=10000");
    }
}
