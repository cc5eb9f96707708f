package org.tablemq.jms.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablemq.jms.store.jdbc.StoreFixture.message;

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
    void storeAddsDurableCommitSettingsToTheH2UrlUnlessGiven() {
        assertThat(H2Dialect.tuneUrl("jdbc:h2:file:/x")).isEqualTo("jdbc:h2:file:/x;WRITE_DELAY=0;LOCK_TIMEOUT=10000");
        assertThat(H2Dialect.tuneUrl("jdbc:h2:file:/x;write_delay=100")).isEqualTo("jdbc:h2:file:/x;write_delay=100;LOCK_TIMEOUT=10000");
    }
}
