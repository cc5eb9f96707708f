package org.tablemq.jms.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.store.StoreException;
import org.tablemq.jms.store.StoreOutcomeUnknownException;
import org.tablemq.jms.store.StoreUnavailableException;
import org.tablemq.jms.store.jdbc.CommitMarkers.Marker;
import org.tablemq.jms.testing.TestDatabase;

/**
 * A commit whose connection breaks has an unknown outcome; the store resolves it with the write's commit marker
 * before it answers. The connection here breaks on purpose at commit: after the server committed (the answer is
 * lost), or before (nothing committed), or for good (the database stays away while the store looks).
 */
class CommitOutcomeTest {

    /** What the next commit does. */
    private enum Break { NONE, AFTER_COMMIT, BEFORE_COMMIT }

    private StoreFixture fixture;
    private volatile Break nextCommit = Break.NONE;
    private volatile boolean unreachable;

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }

    private Jdbc jdbc(TestDatabase db, long resolveMillis) throws StoreException, SQLException {
        db.assumeAvailable();
        fixture = new StoreFixture(db);
        Dialect sql = Dialect.forUrl(fixture.url, fixture.prefix);
        DataSource breaking = new BreakingDataSource();
        CommitMarkers markers = new CommitMarkers(breaking, sql, "node-x", resolveMillis);
        Jdbc jdbc = new Jdbc(breaking, fixture.url, sql.idColumn(), markers);
        new SchemaMigrator(jdbc, sql).migrate();
        try (Connection c = fixture.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + fixture.prefix + "probe (v INT)");
        }
        return jdbc;
    }

    private Marker marker(Jdbc jdbc) {
        return new CommitMarkers(null, Dialect.forUrl(fixture.url, fixture.prefix), "node-x", 0).next();
    }

    private void insertProbe(Jdbc jdbc, Marker marker) throws StoreException {
        jdbc.inTransaction("insert a probe row", marker, c -> {
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO " + fixture.prefix + "probe (v) VALUES (1)");
            }
            return null;
        });
    }

    private long probes() throws SQLException {
        return fixture.count("SELECT COUNT(*) FROM {p}probe");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCommitWhoseAnswerWasLostIsReportedApplied(TestDatabase db) throws Exception {
        Jdbc jdbc = jdbc(db, 2_000);
        nextCommit = Break.AFTER_COMMIT;

        insertProbe(jdbc, marker(jdbc));

        assertThat(probes()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCommitThatNeverReachedTheDatabaseIsReportedNotApplied(TestDatabase db) throws Exception {
        Jdbc jdbc = jdbc(db, 2_000);
        nextCommit = Break.BEFORE_COMMIT;

        assertThatThrownBy(() -> insertProbe(jdbc, marker(jdbc)))
                .isExactlyInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("insert a probe row");
        assertThat(probes()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aCommitThatCannotBeLookedUpIsReportedUnknownNotFailed(TestDatabase db) throws Exception {
        Jdbc jdbc = jdbc(db, 300);
        nextCommit = Break.AFTER_COMMIT;
        unreachable = true;           // the database stays away after the break

        assertThatThrownBy(() -> insertProbe(jdbc, marker(jdbc)))
                .isExactlyInstanceOf(StoreOutcomeUnknownException.class)
                .hasMessageContaining("may or may not have been applied");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBrokenCommitWithoutMarkerIsUnknownNotNotApplied(TestDatabase db) throws Exception {
        Jdbc jdbc = jdbc(db, 2_000);
        nextCommit = Break.AFTER_COMMIT;

        assertThatThrownBy(() -> insertProbe(jdbc, null)).isExactlyInstanceOf(StoreOutcomeUnknownException.class);
        assertThat(probes()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSingleStatementWhoseAnswerWasLostIsReportedApplied(TestDatabase db) throws Exception {
        Jdbc jdbc = jdbc(db, 2_000);
        CommitMarkers markers = new CommitMarkers(null, Dialect.forUrl(fixture.url, fixture.prefix), "node-x", 0);
        Marker marker = marker(jdbc);

        jdbc.oneStatement("insert a marked probe", marker, c -> {
            try (var ps = c.prepareStatement("INSERT INTO " + fixture.prefix + "commit_markers (node_id, seq,"
                    + " created_at) VALUES (?, ?, ?)")) {
                markers.bind(ps, 1, marker);
                ps.executeUpdate();
            }
            throw new SQLException("An I/O error occurred while sending to the backend (simulated)", "08006");
        });

        assertThat(fixture.count("SELECT COUNT(*) FROM {p}commit_markers WHERE seq = ?", marker.seq())).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aResolvedMarkerBlocksALateCommitOfTheSameWrite(TestDatabase db) throws Exception {
        Jdbc jdbc = jdbc(db, 2_000);
        Marker marker = marker(jdbc);
        nextCommit = Break.BEFORE_COMMIT;
        assertThatThrownBy(() -> insertProbe(jdbc, marker)).isInstanceOf(StoreUnavailableException.class);

        // the same write arriving after all (a transaction that outlived its connection) must fail, not apply twice
        assertThatThrownBy(() -> insertProbe(jdbc, marker)).isInstanceOf(StoreException.class);
        assertThat(probes()).isZero();
    }

    /** Connections of the fixture's database whose commit breaks as {@link #nextCommit} says. */
    private final class BreakingDataSource implements DataSource {

        @Override
        public Connection getConnection() throws SQLException {
            if (unreachable && nextCommit == Break.NONE) {
                throw new SQLException("Connection refused (simulated)", "08001");
            }
            Connection real = fixture.connect();
            return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("commit") && nextCommit != Break.NONE) {
                            Break how = nextCommit;
                            nextCommit = Break.NONE;
                            if (how == Break.AFTER_COMMIT) {
                                real.commit();
                            } else {
                                real.rollback();
                            }
                            real.close();
                            throw new SQLException("An I/O error occurred while sending to the backend (simulated)",
                                    "08006");
                        }
                        try {
                            return method.invoke(real, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {
        }

        @Override
        public void setLoginTimeout(int seconds) {
        }

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public Logger getParentLogger() {
            return Logger.getGlobal();
        }

        @Override
        public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> iface) {
            return false;
        }
    }
}
