package org.tablemq.jms.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class SqlErrorsTest {

    @Test
    void connectionStatesMeanUnavailable() {
        assertThat(SqlErrors.classify(new SQLException("refused", "08001"))).isEqualTo(SqlErrors.Kind.UNAVAILABLE);
        assertThat(SqlErrors.classify(new SQLException("terminated", "57P01"))).isEqualTo(SqlErrors.Kind.UNAVAILABLE);
    }

    @Test
    void poolTimeoutWrappingARefusedConnectionMeansUnavailable() {
        SQLException timeout = new SQLTransientConnectionException("pool timed out");
        timeout.initCause(new SQLException("refused", "08001"));

        assertThat(SqlErrors.classify(timeout)).isEqualTo(SqlErrors.Kind.UNAVAILABLE);
        assertThat(SqlErrors.state(timeout)).isEqualTo("08001");
    }

    @Test
    void serializationFailuresDeadlocksAndLockTimeoutsAreRetried() {
        assertThat(SqlErrors.classify(new SQLException("x", "40001"))).isEqualTo(SqlErrors.Kind.RETRY);
        assertThat(SqlErrors.classify(new SQLException("x", "40P01"))).isEqualTo(SqlErrors.Kind.RETRY);
        assertThat(SqlErrors.classify(new SQLException("x", "HYT00"))).isEqualTo(SqlErrors.Kind.RETRY);
    }

    @Test
    void constraintViolationsAreTold() {
        assertThat(SqlErrors.classify(new SQLException("x", "23505"))).isEqualTo(SqlErrors.Kind.UNIQUE_VIOLATION);
        assertThat(SqlErrors.classify(new SQLException("x", "23503"))).isEqualTo(SqlErrors.Kind.FOREIGN_KEY_VIOLATION);
    }

    @Test
    void refusedCredentialsAreAccessDenied() {
        assertThat(SqlErrors.classify(new SQLException("wrong user name or password", "28000")))
                .isEqualTo(SqlErrors.Kind.ACCESS_DENIED);
        assertThat(SqlErrors.classify(new SQLException("password authentication failed", "28P01")))
                .isEqualTo(SqlErrors.Kind.ACCESS_DENIED);
    }

    @Test
    void aStateFoundInTheNextExceptionCounts() {
        SQLException batch = new SQLException("batch failed", "XX000");
        batch.setNextException(new SQLException("deadlock", "40P01"));

        assertThat(SqlErrors.classify(batch)).isEqualTo(SqlErrors.Kind.RETRY);
    }

    @Test
    void unknownStatesAreOther() {
        assertThat(SqlErrors.classify(new SQLException("syntax", "42601"))).isEqualTo(SqlErrors.Kind.OTHER);
    }
}
