package org.tablemq.jms.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tablemq.jms.store.PayloadLimit;

/**
 * H2 2.3. Its {@code FOR UPDATE SKIP LOCKED} locks every row the WHERE clause matches before applying LIMIT
 * (checked on 2.3.232: a second claimer then finds nothing), so candidates are read without locks and claimed
 * optimistically with {@code UPDATE ... WHERE owner IS NULL}, row by row in priority order. H2 has no partial
 * indexes, so the sparse columns get plain indexes.
 */
final class H2Dialect extends Dialect {

    private static final String H2_PREFIX = "jdbc:h2:";
    private static final String RETRY = "retry:";

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

    /**
     * Embedded: a database that failed a commit has closed itself (disk full, a file error); it reopens on the next
     * connection if it can, so one attempt tells as much as waiting would.
     */
    @Override
    long outcomeResolveMillis() {
        return 0;
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

    /** H2 rewrites a whole row on update, so claims live with their node's heartbeat instead of being renewed. */
    @Override
    boolean claimsLiveWithTheirNode() {
        return true;
    }

    @Override
    Optional<String> syncStatement() {
        return Optional.of("CHECKPOINT SYNC");
    }

    /**
     * The share of the maximum heap one message may take on H2, and one group commit (several sends together) too.
     * H2 keeps a payload inline in its row and builds each written chunk in memory, so writing or claiming a message
     * holds it several times over, and an {@code OutOfMemoryError} inside H2 can corrupt the file for good. Measured
     * on 2.3.232 in a child JVM with {@code -Xmx256m}: one 32 MB message sent and received, 40 MB failed in the claim
     * and 48 MB in the send (so about heap / 7 is the edge), and 6 x 8 MB claimed at once corrupted the file
     * ("File corrupted in chunk"). 1/32 leaves a margin of four for concurrent work: 8 MB at 256 MB, 32 MB at 1 GB.
     */
    static final int HEAP_SHARE_DIVISOR = 32;

    /** The largest message H2 takes in a JVM whose maximum heap is {@code maxHeapBytes}. */
    static PayloadLimit payloadLimit(long maxHeapBytes) {
        return new PayloadLimit(Math.max(1, maxHeapBytes / HEAP_SHARE_DIVISOR), "on H2, 1/" + HEAP_SHARE_DIVISOR
                + " of the maximum heap of " + maxHeapBytes + " bytes: H2 builds what it writes in memory");
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
     * lock wait, a short chunk retention, which is safe because the store forces the file to disk itself, and no
     * trace file: H2 writes one line per failed statement to {@code <name>.trace.db}, which refilled a full disk at
     * about 1 MB/s as soon as space was freed; the store logs its failures itself. H2's own shutdown hook is off
     * ({@code DB_CLOSE_ON_EXIT=FALSE}): it closed the database while the store's hook was still releasing its claims;
     * the store closes its pool at exit, which closes the database. A database file on the default
     * file system is opened through H2's {@code retry:} file system (see {@link #interruptSafe}).
     */
    static String tuneUrl(String url) {
        String upper = url.toUpperCase(java.util.Locale.ROOT);
        StringBuilder tuned = new StringBuilder(interruptSafe(url));
        if (!upper.contains(";WRITE_DELAY=")) {
            tuned.append(";WRITE_DELAY=0");
        }
        if (!upper.contains(";LOCK_TIMEOUT=")) {
            tuned.append(";LOCK_TIMEOUT=10000");
        }
        if (!upper.contains(";RETENTION_TIME=")) {
            tuned.append(";RETENTION_TIME=").append(SYNCED_RETENTION_MILLIS);
        }
        if (!upper.contains(";TRACE_LEVEL_FILE=")) {
            tuned.append(";TRACE_LEVEL_FILE=0");
        }
        if (!upper.contains(";DB_CLOSE_ON_EXIT=")) {
            tuned.append(";DB_CLOSE_ON_EXIT=FALSE");
        }
        return tuned.toString();
    }

    /**
     * An embedded file database on the default file system gets H2's {@code retry:} file system. On the default one,
     * an application thread interrupted while H2 reads or writes on it (inside send, receive or commit) closes the
     * file channel ({@code ClosedByInterruptException}) and H2 closes the database for every connection of the
     * process (checked on 2.3.232: 1 of 300 interrupted insert loops was enough). {@code retry:} reopens the channel and
     * repeats the operation; measured on a 1 KiB insert loop it costs nothing (11k/s either way), while
     * {@code async:}, the other interrupt-safe choice, halved the rate. In-memory, server ({@code tcp:}, {@code ssl:})
     * and URLs that name a file system of their own are left as they are.
     * <p>
     * H2 tells databases apart by this name, so a plain JDBC connection opened beside the store in the same JVM must
     * use the same prefix ({@code jdbc:h2:retry:file:...}); otherwise H2 reports the file as in use.
     */
    static String interruptSafe(String url) {
        if (!url.regionMatches(true, 0, H2_PREFIX, 0, H2_PREFIX.length())) {
            return url;
        }
        String database = url.substring(H2_PREFIX.length());
        boolean explicitFile = database.regionMatches(true, 0, "file:", 0, "file:".length());
        String path = explicitFile ? database.substring("file:".length()) : database;
        boolean onDisk = explicitFile || path.startsWith("./") || path.startsWith("../") || path.startsWith("~")
                || path.startsWith("/") || path.startsWith("\\") || path.matches("(?s)[A-Za-z]:[/\\\\].*");
        return onDisk ? H2_PREFIX + RETRY + database : url;
    }
}
