package org.tablemq.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fresh PostgreSQL databases, one per scenario run, named {@code tmq_bench_<system>_<pid>_<n>} and dropped again.
 * Created from the maintenance database {@code postgres}, so no other database's tables are ever touched.
 */
final class PgDatabases {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final long PID = ProcessHandle.current().pid();

    private final String baseUrl;
    private final String user;
    private final boolean logStatements;

    PgDatabases(Settings settings) {
        this.logStatements = settings.pgLogStatements();
        this.baseUrl = settings.pgBaseUrl().endsWith("/") ? settings.pgBaseUrl() : settings.pgBaseUrl() + "/";
        this.user = settings.pgUser();
    }

    /** Null when the server answers, else why not (the PostgreSQL systems are then skipped). */
    static String unreachableReason(Settings settings) {
        try (Connection c = new PgDatabases(settings).connect("postgres")) {
            return null;
        } catch (SQLException e) {
            return "PostgreSQL at " + settings.pgBaseUrl() + " unreachable: " + e.getMessage();
        }
    }

    /** Creates an empty database and returns its name. */
    String create(String system) throws SQLException {
        String name = ("tmq_bench_" + system + "_" + PID + "_" + COUNTER.incrementAndGet())
                .replaceAll("[^a-zA-Z0-9_]", "_").toLowerCase(java.util.Locale.ROOT);
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            if (logStatements) {
                s.execute("ALTER DATABASE " + name + " SET log_statement = 'all'");
            }
        }
        return name;
    }

    void drop(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    /**
     * The database's counters, read from the maintenance database once the system under test has closed its
     * connections (a backend publishes its counters when it exits, so this waits briefly for them to settle).
     */
    DbActivity activity(String database) throws SQLException, InterruptedException {
        DbActivity last = null;
        for (int attempt = 0; attempt < 10; attempt++) {
            DbActivity now = readActivity(database);
            if (now.equals(last)) {
                return now;
            }
            last = now;
            Thread.sleep(100);
        }
        return last;
    }

    private DbActivity readActivity(String database) throws SQLException {
        try (Connection c = connect("postgres");
             java.sql.PreparedStatement s = c.prepareStatement("SELECT xact_commit, xact_rollback, tup_inserted, "
                     + "tup_updated, tup_deleted, tup_fetched FROM pg_stat_database WHERE datname = ?")) {
            s.setString(1, database);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return new DbActivity(0, 0, 0, 0, 0, 0);
                }
                return new DbActivity(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6));
            }
        }
    }

    String url(String database) {
        return baseUrl + database + "?user=" + user;
    }

    String user() {
        return user;
    }

    Connection connect(String database) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        return DriverManager.getConnection(baseUrl + database, p);
    }
}
