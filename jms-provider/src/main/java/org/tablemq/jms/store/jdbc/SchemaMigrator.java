package org.tablemq.jms.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.tablemq.jms.store.StoreException;

/**
 * Creates the store's tables on first use and upgrades them in place: {@code <prefix>schema_version} holds the
 * version, and each step from there to {@link #CURRENT} runs once. Everything happens in one transaction under a
 * lock (a PostgreSQL advisory lock named after the prefix; within the JVM for H2), so nodes starting together on
 * an empty database create the tables once. Reads no messages, so opening a store with a large backlog costs the
 * same as opening an empty one.
 */
final class SchemaMigrator {

    static final int CURRENT = 4;
    private static final Object JVM_LOCK = new Object();

    private final Jdbc jdbc;
    private final Dialect dialect;

    SchemaMigrator(Jdbc jdbc, Dialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Brings the schema to {@link #CURRENT} and returns the version found before (0 for a new database). */
    int migrate() throws StoreException {
        synchronized (JVM_LOCK) {
            return jdbc.inTransaction("migrate the schema of tables " + dialect.prefix + "*", c -> {
                if (dialect.migrationLock().isPresent()) {
                    Jdbc.query(c, dialect.migrationLock().get(), ps -> ps.setLong(1, lockKey()), rs -> null);
                }
                execute(c, List.of(dialect.createVersionTable()));
                Optional<Integer> found = Jdbc.queryOne(c, dialect.selectVersion, ps -> { }, rs -> rs.getInt(1));
                int from = found.orElse(0);
                if (from > CURRENT) {
                    throw new StoreException("Tables " + dialect.prefix + "* have schema version " + from
                            + ", newer than this TableMQ's " + CURRENT + "; use a newer TableMQ or another table prefix");
                }
                if (from < 1) {
                    execute(c, dialect.schemaV1());
                }
                if (from < 2) {
                    execute(c, dialect.schemaV2());
                }
                if (from < 3) {
                    execute(c, dialect.schemaV3());
                }
                if (from < 4) {
                    execute(c, dialect.schemaV4());
                }
                if (found.isEmpty()) {
                    Jdbc.update(c, dialect.insertVersion, ps -> ps.setInt(1, CURRENT));
                } else if (from < CURRENT) {
                    Jdbc.update(c, dialect.updateVersion, ps -> ps.setInt(1, CURRENT));
                }
                return from;
            });
        }
    }

    /** The advisory lock's key: TableMQ's tag in the high half, the prefix's hash in the low half. */
    private long lockKey() {
        return (0x544D51L << 32) | (dialect.prefix.hashCode() & 0xFFFFFFFFL);
    }

    private static void execute(Connection c, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String ddl : statements) {
                s.execute(ddl);
            }
        }
    }
}
