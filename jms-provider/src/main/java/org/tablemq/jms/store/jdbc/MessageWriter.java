package org.tablemq.jms.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tablemq.jms.store.OutgoingMessage;
import org.tablemq.jms.store.jdbc.CommitMarkers.Marker;

/**
 * Writes sent messages as rows inside the caller's transaction: one row for a queue message, one row per
 * accepting subscription for a topic message. The topic's subscriptions are read in the same transaction, so a
 * message reaches exactly the subscriptions that exist when it commits; the {@link OutgoingMessage#matcher()}
 * is asked only about subscriptions with a selector or noLocal.
 */
final class MessageWriter {

    /** A message with its destination already resolved. */
    record Resolved(Target target, OutgoingMessage message) {
    }

    private record SubscriptionRow(long endpointId, String selector, boolean noLocal, String connectionId) {
    }

    static final String READY = "R";
    static final String PREPARED = "P";

    private final Dialect sql;

    MessageWriter(Dialect sql) {
        this.sql = sql;
    }

    /**
     * @param state   {@link #READY}, or {@link #PREPARED} for an XA branch's sends
     * @param xidRef  the prepared branch, null for READY
     * @param touched collects the endpoints written to (only READY rows: prepared ones are not deliverable)
     */
    void write(Connection c, List<Resolved> sends, String state, Long xidRef, Touched touched) throws SQLException {
        if (sends.isEmpty()) {
            return;
        }
        Map<Long, List<SubscriptionRow>> subscriptions = new HashMap<>();
        int rows = 0;
        try (PreparedStatement ps = c.prepareStatement(sql.insertMessage)) {
            for (Resolved send : sends) {
                OutgoingMessage m = send.message();
                if (!send.target().isTopic()) {
                    add(ps, send.target().endpointId(), m, state, xidRef, touched);
                    rows++;
                    continue;
                }
                List<SubscriptionRow> subs = subscriptions.get(send.target().destinationId());
                if (subs == null) {
                    subs = subscriptionsOf(c, send.target().destinationId());
                    subscriptions.put(send.target().destinationId(), subs);
                }
                for (SubscriptionRow sub : subs) {
                    boolean plain = sub.selector() == null && !sub.noLocal();
                    if (plain || m.matcher().accepts(sub.selector(), sub.noLocal(), sub.connectionId())) {
                        add(ps, sub.endpointId(), m, state, xidRef, touched);
                        rows++;
                    }
                }
            }
            if (rows > 0) {
                ps.executeBatch();
            }
        }
    }

    /**
     * Writes one READY queue message with {@link Dialect#insertMessageAndNotify}: the commit marker, the row and the
     * notification in one statement. The caller has already added the endpoint to the touched set the payload
     * describes.
     */
    void writeOneNotifying(Connection c, Resolved send, CommitMarkers markers, Marker marker, String channel,
                           String payload) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql.insertMessageAndNotify().orElseThrow())) {
            markers.bind(ps, 1, marker);
            bind(ps, 3, send.target().endpointId(), send.message(), READY, null);
            ps.setString(13, channel);
            ps.setString(14, payload);
            ps.executeUpdate();
        }
    }

    private void add(PreparedStatement ps, long endpointId, OutgoingMessage m, String state, Long xidRef, Touched touched)
            throws SQLException {
        bind(ps, 0, endpointId, m, state, xidRef);
        ps.addBatch();
        if (READY.equals(state)) {
            touched.add(endpointId, m.deliverAt());
        }
    }

    /** Binds the parameters of {@link Dialect#insertMessage}, after the first {@code skip} of the statement. */
    private static void bind(PreparedStatement ps, int skip, long endpointId, OutgoingMessage m, String state,
                             Long xidRef) throws SQLException {
        ps.setLong(skip + 1, endpointId);
        ps.setString(skip + 2, state);
        ps.setInt(skip + 3, m.priority());
        ps.setLong(skip + 4, Math.max(0, m.deliverAt()));
        ps.setLong(skip + 5, Math.max(0, m.expiration()));
        if (xidRef == null) {
            ps.setNull(skip + 6, Types.BIGINT);
        } else {
            ps.setLong(skip + 6, xidRef);
        }
        ps.setString(skip + 7, m.messageId());
        ps.setBytes(skip + 8, m.payload());
        ps.setLong(skip + 9, System.currentTimeMillis());                 // enqueued_at
    }

    private List<SubscriptionRow> subscriptionsOf(Connection c, long topicId) throws SQLException {
        return Jdbc.query(c, sql.subscriptionsOfTopic, ps -> ps.setLong(1, topicId),
                rs -> new SubscriptionRow(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getString(4)));
    }
}
