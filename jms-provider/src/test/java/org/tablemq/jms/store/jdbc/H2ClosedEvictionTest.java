package org.tablemq.jms.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.SQLExceptionOverride.Override;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class H2ClosedEvictionTest {

    private final AtomicInteger evictions = new AtomicInteger();
    private final H2ClosedEviction eviction = new H2ClosedEviction("test-pool", evictions::incrementAndGet);

    @Test
    void aClosedH2DatabaseEvictsTheConnectionAndTheWholePool() {
        SQLException closed = new SQLException("The database has been closed [90098-232]", "90098", 90098);

        assertThat(eviction.adjudicate(new SQLException("Cannot send", "HY000", closed))).isEqualTo(Override.MUST_EVICT);
        assertThat(evictions).hasValue(1);
    }

    @Test
    void otherFailuresAreLeftToThePoolsOwnJudgement() {
        assertThat(eviction.adjudicate(new SQLException("Unique index violated", "23505"))).isEqualTo(Override.CONTINUE_EVICT);
        assertThat(eviction.adjudicate(new SQLException("Writing to x failed", "HY000", 50000)))
                .isEqualTo(Override.CONTINUE_EVICT);
        assertThat(evictions).hasValue(0);
    }
}
