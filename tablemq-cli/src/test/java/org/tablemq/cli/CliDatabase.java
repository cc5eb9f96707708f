package org.tablemq.cli;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/** The two databases the command line is tested on; PostgreSQL is skipped locally when absent, never with CI=true. */
enum CliDatabase {
    H2,
    POSTGRESQL;

    static final String POSTGRES_URL =
            System.getProperty("tablemq.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");

    String url() throws Exception {
        return this == H2 ? "jdbc:h2:file:" + Files.createTempDirectory("tablemq-cli").resolve("store").toAbsolutePath()
                : POSTGRES_URL;
    }

    String user() {
        return this == H2 ? "sa" : System.getProperty("tablemq.test.postgres.user", "postgres");
    }

    static String uniquePrefix() {
        return "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 10) + "_";
    }

    void assumeAvailable() {
        if (this == H2) {
            return;
        }
        try (Connection c = DriverManager.getConnection(POSTGRES_URL, user(), "")) {
            c.isValid(2);
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("PostgreSQL is not reachable at " + POSTGRES_URL + " and CI=true", e);
            }
            Assumptions.abort("PostgreSQL is not reachable at " + POSTGRES_URL + "; skipping (set CI=true to fail instead)");
        }
    }
}
