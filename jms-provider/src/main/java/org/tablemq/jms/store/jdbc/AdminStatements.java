package org.tablemq.jms.store.jdbc;

/**
 * The SQL of {@link Administration}: the same on H2 and PostgreSQL, so it is built from the dialect's prefix rather
 * than added to every dialect. States as in {@link Dialect}: {@code R} visible, {@code P}/{@code H} behind a
 * prepared XA branch. Only rows nobody works on (visible, unclaimed) are ever deleted or moved.
 */
final class AdminStatements {

    /** One row per endpoint: id, kind, destination name, subscription key, durable, shared, attached consumers. */
    final String endpoints;
    /**
     * One row per endpoint holding messages: id, ready, in flight, scheduled, held, oldest enqueue time (parameters:
     * now three times). MIN over visible rows is 0 when one predates enqueue times, which the caller reports as unknown.
     */
    final String figures;
    /** Dead letters still waiting, counted by their origin: kind, destination, subscription key, count. */
    final String deadLettersByOrigin;
    final String nodes;
    final String inspect;
    final String purge;
    final String delete;
    final String deadLetters;
    final String subscriptionByKey;
    final String retry;
    final String preparedBranches;

    AdminStatements(Dialect dialect) {
        String free = " AND state = 'R' AND owner IS NULL";
        endpoints = dialect.sql("SELECT e.id, d.kind, d.name, e.sub_key, e.durable, e.shared,"
                + " (SELECT COUNT(*) FROM {p}attachments a WHERE a.endpoint_id = e.id)"
                + " FROM {p}endpoints e JOIN {p}destinations d ON d.id = e.destination_id WHERE d.deleted = FALSE"
                + " ORDER BY d.name, d.kind, e.id");
        figures = dialect.sql("SELECT endpoint_id,"
                + " SUM(CASE WHEN state = 'R' AND owner IS NULL AND deliver_at <= ? AND (expiration = 0 OR expiration > ?)"
                + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN state = 'R' AND owner IS NOT NULL THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN state = 'R' AND owner IS NULL AND deliver_at > ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN state <> 'R' THEN 1 ELSE 0 END),"
                + " MIN(CASE WHEN state = 'R' THEN enqueued_at END)"
                + " FROM {p}messages GROUP BY endpoint_id");
        deadLettersByOrigin = dialect.sql("SELECT dl_origin_kind, dl_origin_destination, dl_origin_sub_key, COUNT(*)"
                + " FROM {p}messages WHERE dl_origin_kind IS NOT NULL"
                + " GROUP BY dl_origin_kind, dl_origin_destination, dl_origin_sub_key");
        nodes = dialect.sql("SELECT node_id, heartbeat, alive_until FROM {p}nodes ORDER BY node_id");
        inspect = dialect.sql("SELECT " + Dialect.MESSAGE_COLUMNS + ", enqueued_at, deliver_at, state, owner, owner_node,"
                + " dl_origin_kind, dl_origin_destination, dl_origin_sub_key"
                + " FROM {p}messages WHERE endpoint_id = ? AND id > ? ORDER BY id LIMIT ?");
        purge = dialect.sql("DELETE FROM {p}messages WHERE endpoint_id = ?" + free);
        delete = dialect.sql("DELETE FROM {p}messages WHERE id = ? AND endpoint_id = ?" + free);
        deadLetters = dialect.sql("SELECT id, dl_origin_kind, dl_origin_destination, dl_origin_sub_key FROM {p}messages"
                + " WHERE endpoint_id = ? AND dl_origin_kind IS NOT NULL" + free + " ORDER BY id LIMIT ?");
        subscriptionByKey = dialect.sql("SELECT id FROM {p}endpoints WHERE sub_key = ?");
        retry = dialect.sql("UPDATE {p}messages SET endpoint_id = ?, delivery_count = 0, deliver_at = 0,"
                + " dl_reason = NULL, dl_origin = NULL, dl_origin_kind = NULL, dl_origin_destination = NULL,"
                + " dl_origin_sub_key = NULL WHERE id = ? AND endpoint_id = ?" + free);
        preparedBranches = dialect.sql("SELECT b.format_id, b.gtrid, b.bqual, b.node_id, b.prepared_at,"
                + " (SELECT COUNT(*) FROM {p}messages m WHERE m.xid_ref = b.id) FROM {p}xa_branches b ORDER BY b.id");
    }
}
