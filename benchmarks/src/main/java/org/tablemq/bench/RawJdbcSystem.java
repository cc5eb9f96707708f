package org.tablemq.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The physical limit: the least a queue must write, with plain JDBC and no provider. A send is one row inserted and
 * committed, a receive one row deleted by key and committed; the transacted forms put 100 rows in one commit.
 * Scenarios without a raw equivalent (S4, S5) are not run.
 */
final class RawJdbcSystem implements BenchSystem {

    private final boolean postgres;
    private final String unavailable;

    private RawJdbcSystem(boolean postgres, String unavailable) {
        this.postgres = postgres;
        this.unavailable = unavailable;
    }

    static RawJdbcSystem postgres(String pgUnavailable) {
        return new RawJdbcSystem(true, pgUnavailable);
    }

    static RawJdbcSystem h2() {
        return new RawJdbcSystem(false, null);
    }

    @Override
    public String name() {
        return postgres ? "raw-jdbc-pg" : "raw-jdbc-h2";
    }

    @Override
    public String durability() {
        return postgres
                ? "PostgreSQL, synchronous_commit=on: each commit fsynced by the server"
                : "H2 file, WRITE_DELAY=0: each commit written to the OS (survives a process kill, not power loss)";
    }

    @Override
    public String unavailableReason() {
        return unavailable;
    }

    @Override
    public boolean supports(Scenario scenario) {
        return switch (scenario) {
            case S1, S2, S3_TX, S3_AUTO, S6 -> true;
            case S4, S4_WAKE, S5 -> false;
        };
    }

    @Override
    public Measurement run(Scenario scenario, Settings settings) throws Exception {
        Path dir = FileStores.fresh(settings, name());
        PgRun pg = postgres ? PgRun.create(settings, name()) : null;
        String url = pg == null
                ? "jdbc:h2:file:" + dir.resolve("raw").toAbsolutePath() + ";WRITE_DELAY=0"
                : pg.url();
        // H2 closes a file database with its last connection; this one keeps it open for the whole run
        Measurement measurement;
        try (Connection keeper = DriverManager.getConnection(url)) {
            try (Statement s = keeper.createStatement()) {
                s.execute("CREATE TABLE bench_message (id BIGINT PRIMARY KEY, body " + (postgres ? "BYTEA" : "VARBINARY")
                        + " NOT NULL)");
            }
            RawJdbcScenarios scenarios = new RawJdbcScenarios(() -> DriverManager.getConnection(url), settings);
            measurement = scenarios.run(scenario).withOperations(scenarios.operations());
        } finally {
            FileStores.delete(dir);
            if (pg != null) {
                pg.close();
            }
        }
        return pg == null ? measurement : measurement.withActivity(pg.activity());
    }

    @FunctionalInterface
    interface ConnectionSource {
        Connection open() throws SQLException;
    }
}
