package org.tablemq.jms.store.jdbc;

import java.util.List;
import java.util.Optional;

/**
 * All SQL text of the store, with the table prefix filled in. The statements common to H2 and PostgreSQL live
 * here; the subclasses add what differs (types, partial indexes, the one-statement claim, upserts, notifications)
 * and say which capabilities the database has. Names of destinations and subscriptions are always bind
 * parameters; only the validated table prefix is ever put into SQL text.
 * <p>
 * Message states: {@code R} ready (visible, maybe claimed), {@code P} sent by a prepared XA branch (invisible),
 * {@code H} held by a prepared XA branch that acked or released it (invisible, not redelivered until the decision).
 */
abstract class Dialect {

    static final String MESSAGE_COLUMNS = "id, endpoint_id, payload, priority, expiration, delivery_count, dl_reason, dl_origin";

    /**
     * The SET clause recording where a message is dead-lettered from, read from the endpoint it still sits on (SET
     * sees the row as it was): {@code dl_origin} for people, and since schema version 4 the same as data, so that a
     * dead letter can be retried to exactly where it failed: the destination's kind ({@code Q}/{@code T}) and name,
     * and for a topic the subscription's key (null for a non-durable unshared subscription, which has none).
     */
    private static final String DEAD_LETTER_ORIGIN =
            "dl_origin = (SELECT e.description FROM {p}endpoints e WHERE e.id = {p}messages.endpoint_id),"
            + " dl_origin_kind = (SELECT d.kind FROM {p}endpoints e JOIN {p}destinations d ON d.id = e.destination_id"
            + " WHERE e.id = {p}messages.endpoint_id),"
            + " dl_origin_destination = (SELECT d.name FROM {p}endpoints e JOIN {p}destinations d"
            + " ON d.id = e.destination_id WHERE e.id = {p}messages.endpoint_id),"
            + " dl_origin_sub_key = (SELECT CASE WHEN d.kind = 'T' THEN e.sub_key END FROM {p}endpoints e"
            + " JOIN {p}destinations d ON d.id = e.destination_id WHERE e.id = {p}messages.endpoint_id)";

    final String prefix;

    // schema version
    final String selectVersion;
    final String insertVersion;
    final String updateVersion;

    // nodes
    final String deadNodes;
    final String deleteNode;

    // destinations
    final String selectDestination;
    final String insertDestination;
    final String deleteDestination;
    final String purgeDeletedDestinations;
    final String temporaryDestinationsOfNode;

    // endpoints (queues and subscriptions)
    final String selectEndpointByKey;
    final String lockEndpointById;
    final String insertEndpoint;
    final String updateEndpointSettings;
    final String deleteEndpoint;
    final String endpointsOfDestination;
    final String subscriptionsOfTopic;
    final String unsharedNonDurableOfNode;
    final String orphanSharedNonDurable;

    // attachments (active topic consumers)
    final String insertAttachment;
    final String countAttachments;
    final String deleteAttachment;
    final String deleteAttachmentsOfNode;
    final String deleteAttachmentsOfEndpoint;

    // messages
    final String insertMessage;
    final String claimCandidates;
    final String claimRow;
    final String ackRow;
    final String releaseRow;
    final String deadLetterRow;
    final String holdRow;
    final String browse;
    final String depth;
    final String countClaimedOnEndpoint;
    final String deleteMessagesOfEndpoint;
    final String claimedBy;
    final String expireLeases;
    final String releaseUndeliveredClaim;
    final String releaseClaimsOfNode;
    final String releaseClaimsOfEarlierRun;
    final String deleteExpired;
    final String maxMessageId;

    // commit markers
    final String insertMarker;
    final String deleteOldMarkers;

    // prepared XA branches
    final String selectBranch;
    final String insertBranch;
    final String deleteBranch;
    final String listBranches;
    final String insertBranchRelease;
    final String branchReleases;
    final String deleteBranchReleases;
    final String endpointsOfBranch;
    final String deleteHeldAcks;
    final String releaseHeldRow;
    final String deadLetterHeldRow;
    final String publishPrepared;
    final String deletePrepared;
    final String unholdRows;

    Dialect(String prefix) {
        this.prefix = prefix;
        selectVersion = sql("SELECT version FROM {p}schema_version");
        insertVersion = sql("INSERT INTO {p}schema_version (version) VALUES (?)");
        updateVersion = sql("UPDATE {p}schema_version SET version = ?");

        // Dead only after two of its own leases without a heartbeat (alive_until - heartbeat is its lease): removing a
        // node takes its consumers and temporary destinations, which a live node that was merely slow cannot get back.
        deadNodes = sql("SELECT node_id FROM {p}nodes WHERE alive_until + (alive_until - heartbeat) < ?");
        deleteNode = sql("DELETE FROM {p}nodes WHERE node_id = ?");

        selectDestination = sql("SELECT id, deleted, temp_owner FROM {p}destinations WHERE name = ? AND kind = ?");
        insertDestination = sql("INSERT INTO {p}destinations (name, kind, temp_owner, temp_node, deleted)"
                + " VALUES (?, ?, ?, ?, FALSE)");
        deleteDestination = sql("DELETE FROM {p}destinations WHERE id = ?");
        // rows of deleted temporary destinations that earlier builds only marked deleted instead of removing them
        purgeDeletedDestinations = sql("DELETE FROM {p}destinations WHERE deleted = TRUE AND NOT EXISTS"
                + " (SELECT 1 FROM {p}endpoints e WHERE e.destination_id = {p}destinations.id)");
        temporaryDestinationsOfNode = sql("SELECT id FROM {p}destinations WHERE temp_node = ? AND deleted = FALSE");

        String endpointColumns = "id, destination_id, description, durable, shared, selector, no_local, connection_id";
        selectEndpointByKey = sql("SELECT " + endpointColumns + " FROM {p}endpoints WHERE sub_key = ? FOR UPDATE");
        lockEndpointById = sql("SELECT " + endpointColumns + " FROM {p}endpoints WHERE id = ? FOR UPDATE");
        insertEndpoint = sql("INSERT INTO {p}endpoints (destination_id, sub_key, description, durable, shared,"
                + " selector, no_local, connection_id, owner_node) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        updateEndpointSettings = sql("UPDATE {p}endpoints SET destination_id = ?, description = ?, shared = ?,"
                + " selector = ?, no_local = ?, connection_id = ? WHERE id = ?");
        deleteEndpoint = sql("DELETE FROM {p}endpoints WHERE id = ?");
        endpointsOfDestination = sql("SELECT id FROM {p}endpoints WHERE destination_id = ?");
        subscriptionsOfTopic = sql("SELECT id, selector, no_local, connection_id FROM {p}endpoints"
                + " WHERE destination_id = ?");
        unsharedNonDurableOfNode = sql("SELECT id FROM {p}endpoints WHERE owner_node = ?");
        orphanSharedNonDurable = sql("SELECT e.id FROM {p}endpoints e WHERE e.durable = FALSE AND e.shared = TRUE"
                + " AND NOT EXISTS (SELECT 1 FROM {p}attachments a WHERE a.endpoint_id = e.id)");

        insertAttachment = sql("INSERT INTO {p}attachments (endpoint_id, node_id) VALUES (?, ?)");
        countAttachments = sql("SELECT COUNT(*) FROM {p}attachments WHERE endpoint_id = ?");
        deleteAttachment = sql("DELETE FROM {p}attachments WHERE id = ?");
        deleteAttachmentsOfNode = sql("DELETE FROM {p}attachments WHERE node_id = ?");
        deleteAttachmentsOfEndpoint = sql("DELETE FROM {p}attachments WHERE endpoint_id = ?");

        insertMessage = sql("INSERT INTO {p}messages (endpoint_id, state, priority, deliver_at, expiration,"
                + " delivery_count, xid_ref, message_id, payload, enqueued_at) VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, ?)");
        // keyset paging: (priority, id) after the last candidate seen, so refused messages are not fetched again
        claimCandidates = sql("SELECT " + MESSAGE_COLUMNS + " FROM " + claimSource() + " WHERE endpoint_id = ? AND state = 'R'"
                + " AND owner IS NULL AND deliver_at <= ? AND (expiration = 0 OR expiration > ?)"
                + " AND (priority < ? OR (priority = ? AND id > ?))"
                + " ORDER BY endpoint_id, priority DESC, id LIMIT ?" + candidateLockClause());   // endpoint_id first: H2 then reads the index in order
        // The candidate was read without a lock (H2): claim it only if it is still as read, so the delivery count
        // handed out is the stored one and a row dead-lettered or delayed meanwhile is not taken.
        claimRow = sql("UPDATE {p}messages SET owner = ?, owner_node = ?, lease_until = ?,"
                + " delivery_count = delivery_count + 1 WHERE id = ? AND state = 'R' AND owner IS NULL"
                + " AND " + notIndexed("endpoint_id") + " = ? AND delivery_count = ? AND deliver_at <= ?");
        String owned = " WHERE id = ? AND owner_node = ? AND owner IS NOT NULL AND state = 'R'";
        ackRow = sql("DELETE FROM {p}messages" + owned);
        releaseRow = sql("UPDATE {p}messages SET owner = NULL, owner_node = NULL, lease_until = NULL,"
                + " deliver_at = ?, delivery_count = delivery_count - ?" + owned);
        deadLetterRow = sql("UPDATE {p}messages SET owner = NULL, owner_node = NULL, lease_until = NULL,"
                + " deliver_at = 0, dl_reason = ?, " + DEAD_LETTER_ORIGIN + ", endpoint_id = ?" + owned);
        holdRow = sql("UPDATE {p}messages SET state = 'H', xid_ref = ?, owner = NULL, owner_node = NULL,"
                + " lease_until = NULL" + owned);
        browse = sql("SELECT " + MESSAGE_COLUMNS + " FROM {p}messages WHERE endpoint_id = ? AND id > ? AND state = 'R'"
                + " AND (expiration = 0 OR expiration > ?) ORDER BY id LIMIT ?");
        depth = sql("SELECT COUNT(*) FROM {p}messages WHERE endpoint_id = ? AND state <> 'P'");
        countClaimedOnEndpoint = sql("SELECT COUNT(*) FROM {p}messages WHERE endpoint_id = ? AND owner IS NOT NULL");
        deleteMessagesOfEndpoint = sql("DELETE FROM {p}messages WHERE endpoint_id = ?");
        claimedBy = sql("SELECT id FROM {p}messages WHERE lease_until > 0 AND owner_node = ? AND owner = ?");
        expireLeases = sql("UPDATE {p}messages SET owner = NULL, owner_node = NULL, lease_until = NULL"
                + " WHERE lease_until > 0 AND lease_until < ?"
                + (claimsLiveWithTheirNode() ? " AND owner_node NOT IN (SELECT node_id FROM {p}nodes WHERE alive_until >= ?)"
                : ""));
        // the very claim, by its delivery count: a newer claim of the row (after this one was lost) stays untouched
        releaseUndeliveredClaim = sql("UPDATE {p}messages SET owner = NULL, owner_node = NULL, lease_until = NULL,"
                + " delivery_count = delivery_count - 1 WHERE id = ? AND owner_node = ? AND owner IS NOT NULL"
                + " AND state = 'R' AND delivery_count = ?");
        releaseClaimsOfNode = sql("UPDATE {p}messages SET owner = NULL, owner_node = NULL, lease_until = NULL"
                + " WHERE lease_until > 0 AND owner_node = ?");
        releaseClaimsOfEarlierRun = sql("UPDATE {p}messages SET owner = NULL, owner_node = NULL, lease_until = NULL"
                + " WHERE lease_until > 0 AND owner_node = ? AND lease_until < ?");
        deleteExpired = sql("DELETE FROM {p}messages WHERE expiration > 0 AND expiration < ? AND state = 'R'"
                + " AND owner IS NULL");
        maxMessageId = sql("SELECT MAX(id) FROM {p}messages");

        insertMarker = sql("INSERT INTO {p}commit_markers (node_id, seq, created_at) VALUES (?, ?, ?)");
        deleteOldMarkers = sql("DELETE FROM {p}commit_markers WHERE created_at < ?");

        selectBranch = sql("SELECT id FROM {p}xa_branches WHERE format_id = ? AND gtrid = ? AND bqual = ? FOR UPDATE");
        insertBranch = sql("INSERT INTO {p}xa_branches (format_id, gtrid, bqual, node_id, prepared_at)"
                + " VALUES (?, ?, ?, ?, ?)");
        deleteBranch = sql("DELETE FROM {p}xa_branches WHERE id = ?");
        listBranches = sql("SELECT format_id, gtrid, bqual FROM {p}xa_branches ORDER BY id");
        insertBranchRelease = sql("INSERT INTO {p}xa_releases (branch_id, message_id, delivered, redeliver_at,"
                + " dl_endpoint, dl_reason) VALUES (?, ?, ?, ?, ?, ?)");
        branchReleases = sql("SELECT message_id, delivered, redeliver_at, dl_endpoint, dl_reason FROM {p}xa_releases"
                + " WHERE branch_id = ?");
        deleteBranchReleases = sql("DELETE FROM {p}xa_releases WHERE branch_id = ?");
        endpointsOfBranch = sql("SELECT DISTINCT endpoint_id FROM {p}messages WHERE xid_ref = ?");
        deleteHeldAcks = sql("DELETE FROM {p}messages WHERE xid_ref = ? AND state = 'H' AND id NOT IN"
                + " (SELECT r.message_id FROM {p}xa_releases r WHERE r.branch_id = ?)");
        String held = " WHERE id = ? AND " + notIndexed("xid_ref") + " = ? AND state = 'H'";
        releaseHeldRow = sql("UPDATE {p}messages SET state = 'R', xid_ref = NULL, deliver_at = ?,"
                + " delivery_count = delivery_count - ?" + held);
        deadLetterHeldRow = sql("UPDATE {p}messages SET state = 'R', xid_ref = NULL, deliver_at = 0, dl_reason = ?, "
                + DEAD_LETTER_ORIGIN + ", endpoint_id = ?" + held);
        publishPrepared = sql("UPDATE {p}messages SET state = 'R', xid_ref = NULL WHERE xid_ref = ? AND state = 'P'");
        deletePrepared = sql("DELETE FROM {p}messages WHERE xid_ref = ? AND state = 'P'");
        unholdRows = sql("UPDATE {p}messages SET state = 'R', xid_ref = NULL WHERE xid_ref = ? AND state = 'H'");
    }

    /**
     * A column compared in a statement that addresses one row by its id, written so that no index matches it. H2
     * plans a statement when it is first prepared and keeps that plan for the connection's life; prepared on an
     * empty table it would look the row up through the endpoint (or XID) index instead of the primary key, and once
     * a backlog built up every claimed row then cost a scan of every message of its endpoint (measured on H2 2.3.232:
     * consumers falling ever further behind a producer).
     */
    static String notIndexed(String column) {
        return "CAST(" + column + " AS BIGINT)";
    }

    /**
     * Whether the database itself flushes the log of concurrent commits from several connections together
     * (PostgreSQL does), so that sends and acknowledgements gain nothing from sharing one transaction.
     */
    boolean flushesConcurrentCommitsTogether() {
        return false;
    }

    /** For messages and logs. */
    abstract String name();

    /** The column name drivers want for generated keys. */
    abstract String idColumn();

    /** The table reference of the candidate query, with an index hint where the planner needs one. */
    String claimSource() {
        return sql("{p}messages");
    }

    /** Appended to the candidate query: row locks that other claimers skip, where the database can do that. */
    abstract String candidateLockClause();

    /** Statements creating schema version 1, in order. */
    abstract List<String> schemaV1();

    /** Statements upgrading schema version 1 to 2, in order (none where nothing changes). */
    List<String> schemaV2() {
        return List.of();
    }

    /**
     * Statements upgrading schema version 2 to 3: the commit markers that resolve a commit whose connection broke
     * (see {@link CommitMarkers}).
     */
    final List<String> schemaV3() {
        return List.of(
                sql("CREATE TABLE {p}commit_markers (node_id VARCHAR(100) NOT NULL, seq BIGINT NOT NULL,"
                        + " created_at BIGINT NOT NULL, PRIMARY KEY (node_id, seq))"),
                sql("CREATE INDEX {p}commit_markers_created ON {p}commit_markers (created_at)"));
    }

    /**
     * Statements upgrading schema version 3 to 4, for operators: when each message was written ({@code enqueued_at},
     * epoch millis, 0 for rows written before the upgrade), and the dead-letter origin as data (see
     * {@link #DEAD_LETTER_ORIGIN}). Adding a column with a constant default rewrites no rows on PostgreSQL 11+.
     */
    final List<String> schemaV4() {
        return List.of(
                sql("ALTER TABLE {p}messages ADD COLUMN enqueued_at BIGINT DEFAULT 0 NOT NULL"),
                sql("ALTER TABLE {p}messages ADD COLUMN dl_origin_kind CHAR(1)"),
                sql("ALTER TABLE {p}messages ADD COLUMN dl_origin_destination VARCHAR(2000)"),
                sql("ALTER TABLE {p}messages ADD COLUMN dl_origin_sub_key VARCHAR(2200)"));
    }

    /**
     * How long the store keeps trying to reach the database to learn the outcome of a commit whose connection broke,
     * before it answers that the outcome is unknown. A server database may be back within seconds (a restart, a
     * fail-over); an embedded one that closed itself is not reopened by waiting.
     */
    abstract long outcomeResolveMillis();

    /**
     * A statement that holds a database-wide lock until the transaction ends (parameter: a key), so that nodes
     * starting together migrate one after the other. Without it the store only serialises within its JVM, which
     * is enough for an embedded database.
     */
    Optional<String> migrationLock() {
        return Optional.empty();
    }

    /**
     * Renews every lease this node holds and returns what it renewed, {@code id, delivery_count} per row
     * (parameters: lease until, node id), so the node knows exactly which of its claims are still its own. Rows
     * locked by another transaction at that moment (being settled) may be skipped rather than waited for: the
     * answer then simply leaves them out, and a renewal never waits behind commits or deadlocks with them.
     */
    abstract String renewLeasesReturning();

    /**
     * Whether a claim lasts as long as its node is alive (its heartbeat, in the nodes table) instead of being renewed
     * row by row: {@link #expireLeases} then takes a second parameter (now) and frees only claims of nodes that are not
     * alive. Where a row update rewrites the whole row, payload included (H2), renewing every claim every third of a
     * lease would rewrite every claimed payload in one statement, which with large messages runs the embedded
     * database out of memory. Must not call anything that needs the subclass's fields: the constructor asks.
     */
    boolean claimsLiveWithTheirNode() {
        return false;
    }

    /** Creates the version table if it is missing. */
    abstract String createVersionTable();

    /**
     * Inserts this node or refreshes its heartbeat: parameters node id, heartbeat millis, and the time until which
     * the node counts as alive (heartbeat + its own lease, so nodes with different leases judge each other right).
     */
    abstract String upsertNode();

    /**
     * A single statement that claims up to n messages and returns them, if the database has one (parameters:
     * owner, owner node, lease until, endpoint, now, now, limit). Without it the store selects candidates and
     * claims them row by row.
     */
    Optional<String> claimInOneStatement() {
        return Optional.empty();
    }

    /**
     * One statement that inserts a commit marker and one message row and tells other nodes about it, if the database
     * has one (parameters: the marker's three, see {@link CommitMarkers#bind}, those of {@link #insertMessage}, then
     * channel and payload). A single send then needs one round trip in auto-commit mode instead of insert, marker,
     * notify and COMMIT.
     */
    Optional<String> insertMessageAndNotify() {
        return Optional.empty();
    }

    /** The statement that tells other nodes about new messages (parameters channel, payload), if any. */
    Optional<String> notifyStatement() {
        return Optional.empty();
    }

    /** The notification channel of this store's tables. */
    String channel() {
        return prefix + "arrivals";
    }

    /** A statement that forces committed data to disk, for {@code h2Sync}. */
    Optional<String> syncStatement() {
        return Optional.empty();
    }

    final String sql(String template) {
        return template.replace("{p}", prefix);
    }

    static Dialect forUrl(String url, String prefix) {
        return url.startsWith("jdbc:postgresql:") ? new PostgresDialect(prefix) : new H2Dialect(prefix);
    }

    /** The foreign key from messages to endpoints, added once the message indexes exist. */
    final String messagesForeignKey() {
        return sql("ALTER TABLE {p}messages ADD CONSTRAINT {p}messages_endpoint_fk FOREIGN KEY (endpoint_id)"
                + " REFERENCES {p}endpoints (id)");
    }

    /** The DDL both databases share; {@code {blob}} and {@code {bin}} are the dialect's byte types. */
    final List<String> commonTables(String blob, String bin) {
        return List.of(
                sql("CREATE TABLE {p}nodes (node_id VARCHAR(100) PRIMARY KEY, heartbeat BIGINT NOT NULL,"
                        + " alive_until BIGINT NOT NULL)"),
                sql("CREATE TABLE {p}destinations (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                        + " name VARCHAR(2000) NOT NULL, kind CHAR(1) NOT NULL, temp_owner VARCHAR(200),"
                        + " temp_node VARCHAR(100), deleted BOOLEAN NOT NULL,"
                        + " CONSTRAINT {p}destinations_name UNIQUE (name, kind))"),
                sql("CREATE TABLE {p}endpoints (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                        + " destination_id BIGINT NOT NULL REFERENCES {p}destinations (id),"
                        + " sub_key VARCHAR(2200), description VARCHAR(4500) NOT NULL, durable BOOLEAN NOT NULL,"
                        + " shared BOOLEAN NOT NULL, selector VARCHAR(10000), no_local BOOLEAN NOT NULL,"
                        + " connection_id VARCHAR(200), owner_node VARCHAR(100),"
                        + " CONSTRAINT {p}endpoints_key UNIQUE (sub_key))"),
                sql("CREATE INDEX {p}endpoints_destination ON {p}endpoints (destination_id)"),
                sql("CREATE TABLE {p}attachments (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                        + " endpoint_id BIGINT NOT NULL REFERENCES {p}endpoints (id), node_id VARCHAR(100) NOT NULL)"),
                sql("CREATE INDEX {p}attachments_endpoint ON {p}attachments (endpoint_id)"),
                sql("CREATE INDEX {p}attachments_node ON {p}attachments (node_id)"),
                sql("CREATE TABLE {p}messages (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                        + " endpoint_id BIGINT NOT NULL, state CHAR(1) NOT NULL,"
                        + " priority INT NOT NULL, deliver_at BIGINT NOT NULL, expiration BIGINT NOT NULL,"
                        + " delivery_count INT NOT NULL, owner VARCHAR(200), owner_node VARCHAR(100),"
                        + " lease_until BIGINT, xid_ref BIGINT, message_id VARCHAR(200), payload " + blob + " NOT NULL,"
                        + " dl_reason VARCHAR(2000), dl_origin VARCHAR(4500))"),
                sql("CREATE TABLE {p}xa_branches (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,"
                        + " format_id INT NOT NULL, gtrid " + bin + " NOT NULL, bqual " + bin + " NOT NULL,"
                        + " node_id VARCHAR(100) NOT NULL, prepared_at BIGINT NOT NULL,"
                        + " CONSTRAINT {p}xa_branches_xid UNIQUE (format_id, gtrid, bqual))"),
                sql("CREATE TABLE {p}xa_releases (branch_id BIGINT NOT NULL REFERENCES {p}xa_branches (id),"
                        + " message_id BIGINT NOT NULL, delivered BOOLEAN NOT NULL, redeliver_at BIGINT NOT NULL,"
                        + " dl_endpoint BIGINT, dl_reason VARCHAR(2000), PRIMARY KEY (branch_id, message_id))"));
    }
}
