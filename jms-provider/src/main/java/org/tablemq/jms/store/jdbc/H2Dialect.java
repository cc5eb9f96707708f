package org.tablemq.jms.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * H2 2.3. Its {@code FOR UPDATE SKIP LOCKED} locks every row the WHERE clause matches before applying LIMIT
 * (checked on 2.3.232: a second claimer then finds nothing), so candidates are read without locks and claimed
 * optimistically with {@code UPDATE ... WHERE owner IS NULL}, row by row in priority order. H2 has no partial
 * indexes, so the sparse columns get plain indexes.
 */
final class H2Dialect extends Dialect {

    H2Dialect(String prefix) {
        super(prefix);
    }

    @Override
    String name() {
        return "H2";
    }

    @Override
    String idColumn() {
        return "ID";
    }

    /**
     * H2 2.3 otherwise picks the foreign key's index on endpoint_id, reads every message of the endpoint and sorts
     * them; with the claim index it reads them in delivery order and stops at the limit.
     */
    @Override
    String claimSource() {
        return sql("{p}messages USE INDEX ({p}messages_claim)");
    }

    @Override
    String candidateLockClause() {
        return "";
    }

    @Override
    String createVersionTable() {
        return sql("CREATE TABLE IF NOT EXISTS {p}schema_version (version INT NOT NULL)");
    }

    @Override
    List<String> schemaV1() {
        List<String> ddl = new ArrayList<>(commonTables("BLOB", "VARBINARY(64)"));
        ddl.add(sql("CREATE INDEX {p}messages_claim ON {p}messages (endpoint_id, priority DESC, id)"));
        ddl.add(sql("CREATE INDEX {p}messages_expiration ON {p}messages (expiration)"));
        ddl.add(sql("CREATE INDEX {p}messages_lease ON {p}messages (lease_until)"));
        ddl.add(sql("CREATE INDEX {p}messages_xid ON {p}messages (xid_ref)"));
        ddl.add(messagesForeignKey());
        return ddl;
    }

    /**
     * Payloads inline in the row: H2 keeps a BLOB longer than 256 bytes in its separate LOB maps, which made every
     * 1 KiB send and claim do about twice the work (measured: 1 KiB insert+commit with {@code WRITE_DELAY=0},
     * ~250/s as BLOB, ~500/s as VARBINARY). VARBINARY holds up to 1 GB, the same bound as PostgreSQL's BYTEA.
     */
    @Override
    List<String> schemaV2() {
        return List.of(sql("ALTER TABLE {p}messages ALTER COLUMN payload SET DATA TYPE VARBINARY"));
    }

    @Override
    String upsertNode() {
        return sql("MERGE INTO {p}nodes (node_id, heartbeat, alive_until) KEY (node_id) VALUES (?, ?, ?)");
    }

    /**
     * H2 reads the updated rows from a data change delta table. Without a LIMIT its {@code SKIP LOCKED} does what it
     * should here (checked on 2.3.232: a row locked by another transaction is left out, without waiting).
     */
    @Override
    String renewLeasesReturning() {
        return sql("SELECT id, delivery_count FROM FINAL TABLE (UPDATE {p}messages SET lease_until = ? WHERE id IN"
                + " (SELECT id FROM {p}messages WHERE lease_until > 0 AND owner_node = ? FOR UPDATE SKIP LOCKED))");
    }

    @Override
    Optional<String> syncStatement() {
        return Optional.of("CHECKPOINT SYNC");
    }

    /**
     * How long H2 keeps a chunk of its file after its last live page is gone, when the store forces the file to
     * disk itself (after every commit with {@code h2Sync}, else every {@link H2Flusher#PERIOD_MILLIS} ms). H2's
     * default of 45 s exists so that a chunk is not overwritten before the OS has flushed the chunks written after
     * it; the store's forcing does that well within 1 s. Meanwhile every commit writes a chunk, so under load the
     * file holds 45 s of writes: draining 1 KiB messages with a sync per commit grew it past 1 GB in 15 s with the
     * default and kept it near 100 MB with 1 s, at 1.5x the commits per second. Not 0: H2 reports files damaged at
     * close when chunks are reused at once (H2 issues 2752 and 4083).
     */
    static final int SYNCED_RETENTION_MILLIS = 1000;

    /**
     * Settings the store adds to an H2 URL unless the URL has them: commits written before they return, a sane
     * lock wait, and a short chunk retention, which is safe because the store forces the file to disk itself.
     */
    static String tuneUrl(String url) {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        StringBuilder tuned = new StringBuilder(url);
        if (!upper.contains(";WRITE_DELAY=")) {
            tuned.append(";WRITE_DELAY=0");
        }
        if (!upper.contains(";LOCK_TIMEOUT=")) {
            tuned.append(";LOCK_TIMEOUT=10000");
        }
        if (!upper.contains(";RETENTION_TIME=")) {
            tuned.append(";RETENTION_TIME=").append(SYNCED_RETENTION_MILLIS);
        }
        return tuned.toString();
    }
}
