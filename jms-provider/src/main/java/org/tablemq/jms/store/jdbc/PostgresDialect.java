package org.tablemq.jms.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * PostgreSQL: claims in one statement with {@code FOR UPDATE SKIP LOCKED}, partial indexes so that the sparse
 * columns (leases, expirations, XA references) cost nothing for the rows that do not use them, and
 * LISTEN/NOTIFY to tell other nodes about new messages.
 */
final class PostgresDialect extends Dialect {

    PostgresDialect(String prefix) {
        super(prefix);
    }

    @Override
    String name() {
        return "PostgreSQL";
    }

    @Override
    String idColumn() {
        return "id";
    }

    @Override
    boolean flushesConcurrentCommitsTogether() {
        return true;
    }

    @Override
    String candidateLockClause() {
        return " FOR UPDATE SKIP LOCKED";
    }

    @Override
    String createVersionTable() {
        return sql("CREATE TABLE IF NOT EXISTS {p}schema_version (version INT NOT NULL)");
    }

    @Override
    List<String> schemaV1() {
        List<String> ddl = new ArrayList<>(commonTables("BYTEA", "BYTEA"));
        ddl.add(sql("CREATE INDEX {p}messages_claim ON {p}messages (endpoint_id, priority DESC, id)"
                + " WHERE state = 'R' AND owner IS NULL"));
        ddl.add(sql("CREATE INDEX {p}messages_endpoint ON {p}messages (endpoint_id)"));
        ddl.add(sql("CREATE INDEX {p}messages_expiration ON {p}messages (expiration) WHERE expiration > 0"));
        ddl.add(sql("CREATE INDEX {p}messages_lease ON {p}messages (lease_until) WHERE lease_until IS NOT NULL"));
        ddl.add(sql("CREATE INDEX {p}messages_xid ON {p}messages (xid_ref) WHERE xid_ref IS NOT NULL"));
        ddl.add(messagesForeignKey());
        return ddl;
    }

    @Override
    String upsertNode() {
        return sql("INSERT INTO {p}nodes (node_id, heartbeat, alive_until) VALUES (?, ?, ?)"
                + " ON CONFLICT (node_id) DO UPDATE SET heartbeat = EXCLUDED.heartbeat, alive_until = EXCLUDED.alive_until");
    }

    /**
     * The claim commits like every other write, waiting for its WAL to be flushed. It used to commit asynchronously
     * (one fsync less per prefetch window), but a crash of the database server then forgot claims whose messages
     * consumers already had: those messages were delivered a second time without {@code JMSRedelivered}, and the first
     * consumer's acknowledgement failed. With many sessions committing, PostgreSQL flushes their WAL together, so the
     * claim's own flush is mostly shared.
     */
    @Override
    Optional<String> claimInOneStatement() {
        return Optional.of(sql("UPDATE {p}messages SET owner = ?, owner_node = ?, lease_until = ?,"
                + " delivery_count = delivery_count + 1"
                + " WHERE id IN (SELECT id FROM {p}messages"
                + " WHERE endpoint_id = ? AND state = 'R' AND owner IS NULL AND deliver_at <= ?"
                + " AND (expiration = 0 OR expiration > ?) ORDER BY priority DESC, id LIMIT ? FOR UPDATE SKIP LOCKED)"
                + " RETURNING " + MESSAGE_COLUMNS));
    }

    @Override
    String renewLeasesReturning() {
        return sql("UPDATE {p}messages SET lease_until = ? WHERE id IN (SELECT id FROM {p}messages"
                + " WHERE lease_until > 0 AND owner_node = ? FOR UPDATE SKIP LOCKED) RETURNING id, delivery_count");
    }

    /**
     * The marker is written by a data-modifying WITH, which PostgreSQL runs exactly once whether or not the main
     * statement reads it; the notification is queued when the one-row sub-select runs and leaves only if the insert
     * commits.
     */
    @Override
    Optional<String> insertMessageAndNotify() {
        return Optional.of(sql("WITH mark AS (INSERT INTO {p}commit_markers (node_id, seq, created_at) VALUES (?, ?, ?))"
                + " INSERT INTO {p}messages (endpoint_id, state, priority, deliver_at, expiration,"
                + " delivery_count, xid_ref, message_id, payload, enqueued_at) SELECT ?, ?, ?, ?, ?, 0, ?, ?, ?, ?"
                + " FROM (SELECT pg_notify(?, ?)) n"));
    }

    /** A restart of the server or a fail-over usually takes seconds. */
    @Override
    long outcomeResolveMillis() {
        return 30_000;
    }

    @Override
    Optional<String> migrationLock() {
        return Optional.of("SELECT pg_advisory_xact_lock(?)");
    }

    @Override
    Optional<String> notifyStatement() {
        return Optional.of("SELECT pg_notify(?, ?)");
    }
}
