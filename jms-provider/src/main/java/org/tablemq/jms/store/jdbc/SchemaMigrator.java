package org.tablemq.jms.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.tablemq.jms.store.StoreException;

/**
 * Creates the store's tables on first use and upgrades them in place: {@code <prefix>schema_version} holds the
 * version, and each step from there to {@link #CURRENT} runs once. When several nodes start together on
 * PostgreSQL, one creates the tables and the others, whose DDL then fails, find the version already current.
 * Reads no messages, so opening a store with a large backlog costs the same as opening an empty one.
 */
final class SchemaMigrator {

    static final int CURRENT = 1;

    private final Jdbc jdbc;
    private final Dialect dialect;

    SchemaMigrator(Jdbc jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Brings the schema to {@link #CURRENT} and returns the version found before (0 for a new database). */
    int migrate() throws StoreException {
        jdbc.autoCommit("create the version table " + dialect.prefix + "schema_version", c -> {
            execute(c, List.of(dialect.createVersionTable()));
            return null;
        });
        try {
            return upgrade();
        } catch (StoreException first) {
            // another node may have created the same tables at the same moment; if so, the schema is now current
            int now = version();
            if (now == CURRENT) {
                return now;
            }
            throw first;
        }
    }

    private int upgrade() throws StoreException {
        return jdbc.inTransaction("migrate the schema of tables " + dialect.prefix + "*", c -> {
            Optional<Integer> found = Jdbc.queryOne(c, dialect.selectVersion, ps -> { }, rs -> rs.getInt(1));
            int from = found.orElse(0);
            if (from > CURRENT) {
                throw new StoreException("Tables " + dialect.prefix + "* have schema version " + from
                        + ", newer than this TableMQ's " + CURRENT + "; use a newer TableMQ or another table prefix");
            }
            if (from < 1) {
                execute(c, dialect.schemaV1());
            }
            if (found.isEmpty()) {
                Jdbc.update(c, dialect.insertVersion, ps -> ps.setInt(1, CURRENT));
            } else if (from < CURRENT) {
                Jdbc.update(c, dialect.updateVersion, ps -> ps.setInt(1, CURRENT));
            }
            return from;
        });
    }

    private int version() throws StoreException {
        return jdbc.autoCommit("read the schema version of tables " + dialect.prefix + "*",
                c -> Jdbc.queryOne(c, dialect.selectVersion, ps -> { }, rs -> rs.getInt(1)).orElse(0));
    }

    private static void execute(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : statements) {
                s.execute(ddl);
            }
        }
    }
}
