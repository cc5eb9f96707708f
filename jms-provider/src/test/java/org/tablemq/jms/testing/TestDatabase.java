package org.tablemq.jms.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases every store-touching test runs against. PostgreSQL is skipped when it is absent locally,
 * and fails the test when {@code CI=true}, so CI never goes green without it.
 */
public enum TestDatabase {
    H2,
    POSTGRESQL;

    public static final String POSTGRES_URL =
            System.getProperty("tablemq.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getProperty("tablemq.test.postgres.user", "postgres");

    private static volatile Boolean postgresUp;

    /** A fresh, unique table prefix, so test classes and concurrent builds never see each other's rows. */
    public static String uniquePrefix() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
    }

    /** A JDBC URL for this database; H2 gets a fresh file database in a temporary folder. */
    public String url() {
        if (this == H2) {
            try {
                Path dir = Files.createTempDirectory("tablemq-h2");
                return "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
            } catch (java.io.IOException e) {
                throw new IllegalStateException("Cannot create a folder for the H2 test database", e);
            }
        }
        return POSTGRES_URL;
    }

    public String user() {
        return this == H2 ? "sa" : POSTGRES_USER;
    }

    public String password() {
        return "";
    }

    /** Skips the calling test when this database is absent, or fails it when running in CI. */
    public void assumeAvailable() {
        if (this == H2 || postgresAvailable()) {
            return;
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError("PostgreSQL is not reachable at " + POSTGRES_URL
                    + " and CI=true: the PostgreSQL tests must run in CI");
        }
        Assumptions.abort("PostgreSQL is not reachable at " + POSTGRES_URL + "; skipping (set CI=true to fail instead)");
    }

    private static boolean postgresAvailable() {
        Boolean up = postgresUp;
        if (up == null) {
            try (Connection c = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "")) {
                up = c.isValid(2);
            } catch (SQLException e) {
                up = false;
            }
            postgresUp = up;
        }
        return up;
    }
}
