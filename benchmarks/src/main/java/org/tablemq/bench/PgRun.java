package org.tablemq.bench;

import java.sql.SQLException;

/**
 * One fresh PostgreSQL database for one run. Closing it first reads what the database did during the run
 * ({@link #activity()}), then drops it.
 */
final class PgRun implements AutoCloseable {

    private final PgDatabases databases;
    private final String name;
    private DbActivity activity;

    private PgRun(PgDatabases databases, String name) {
        this.databases = databases;
        this.name = name;
    }

    static PgRun create(Settings settings, String system) throws SQLException {
        PgDatabases databases = new PgDatabases(settings);
        return new PgRun(databases, databases.create(system));
    }

    String url() {
        return databases.url(name);
    }

    /** Null until closed, or when the counters could not be read. */
    DbActivity activity() {
        return activity;
    }

    @Override
    public void close() throws SQLException {
        try {
            activity = databases.activity(name);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            databases.drop(name);
        }
    }
}
