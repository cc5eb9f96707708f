package org.tablemq.jms.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.tablemq.jms.store.ClaimRequest;
import org.tablemq.jms.store.StoreException;
import org.tablemq.jms.store.StoredMessage;

/**
 * Claims deliverable messages for one consumer. Without a filter on PostgreSQL: one
 * {@code UPDATE ... FOR UPDATE SKIP LOCKED ... RETURNING} statement. Otherwise: pages of candidates in
 * priority order (locked and skipped by others on PostgreSQL, read plainly on H2), tested against the filter
 * in Java, and claimed row by row with {@code UPDATE ... WHERE owner IS NULL} and the row still as read (endpoint,
 * delivery count, deliver_at), which also settles races on H2: a row another claimer took, or took and gave back
 * meanwhile, updates nothing and is simply not ours now. Refused candidates stay for others.
 */
final class Claimer {

    private static final Comparator<StoredMessage> DELIVERY_ORDER =
            Comparator.comparingInt(StoredMessage::priority).reversed().thenComparingLong(StoredMessage::id);
    private static final int FILTER_PAGE = 100;

    private final Jdbc jdbc;
    private final Dialect sql;
    private final String nodeId;
    private final long leaseMillis;
    private final long maxClaimBytes;

    /** @param maxClaimBytes payload bytes one claim takes at most (at least one message): on H2 a claim's update
     *                      writes every claimed row again, in one chunk built in memory */
    Claimer(Jdbc jdbc, Dialect sql, String nodeId, long leaseMillis, long maxClaimBytes) {
        this.maxClaimBytes = maxClaimBytes;
        this.jdbc = jdbc;
        this.sql = sql;
        this.nodeId = nodeId;
        this.leaseMillis = leaseMillis;
    }

    List<StoredMessage> claim(ClaimRequest request) throws StoreException {
        long now = System.currentTimeMillis();
        Optional<String> oneStatement = sql.claimInOneStatement();
        if (request.filter() == null && oneStatement.isPresent()) {
            // one statement, so auto-commit makes it its own transaction: one round trip instead of two
            return jdbc.oneStatement("claim messages from " + request.endpoint(), c -> {
                List<StoredMessage> got = Jdbc.query(c, oneStatement.get(), ps -> {
                    ps.setString(1, request.consumerId());
                    ps.setString(2, nodeId);
                    ps.setLong(3, now + leaseMillis);
                    ps.setLong(4, request.endpoint().id());
                    ps.setLong(5, now);
                    ps.setLong(6, now);
                    ps.setInt(7, request.max());
                }, Claimer::message);
                got.sort(DELIVERY_ORDER);
                return got;
            });
        }
        return jdbc.inTransaction("claim messages from " + request.endpoint(), c -> claimPaged(c, request, now));
    }

    private List<StoredMessage> claimPaged(Connection c, ClaimRequest request, long now) throws SQLException {
        int page = request.filter() == null ? request.max() : Math.max(FILTER_PAGE, request.max());
        List<StoredMessage> claimed = new ArrayList<>();
        int afterPriority = Integer.MAX_VALUE;
        long afterId = 0;
        long bytes = 0;
        boolean full = false;
        while (claimed.size() < request.max() && !full) {
            int p = afterPriority;
            long id = afterId;
            List<StoredMessage> candidates = Jdbc.query(c, sql.claimCandidates, ps -> {
                ps.setLong(1, request.endpoint().id());
                ps.setLong(2, now);
                ps.setLong(3, now);
                ps.setInt(4, p);
                ps.setInt(5, p);
                ps.setLong(6, id);
                ps.setInt(7, page);
            }, rs -> next(message(rs)));
            List<StoredMessage> wanted = new ArrayList<>();
            for (StoredMessage m : candidates) {
                if (claimed.size() + wanted.size() < request.max()
                        && (request.filter() == null || request.filter().test(m))) {
                    if (bytes + m.payload().length > maxClaimBytes && !(claimed.isEmpty() && wanted.isEmpty())) {
                        full = true;
                        break;
                    }
                    bytes += m.payload().length;
                    wanted.add(m);
                }
            }
            int[] counts = Jdbc.batch(c, sql.claimRow, wanted, (ps, m) -> {
                ps.setString(1, request.consumerId());
                ps.setString(2, nodeId);
                ps.setLong(3, now + leaseMillis);
                ps.setLong(4, m.id());
                ps.setLong(5, request.endpoint().id());
                ps.setInt(6, m.deliveryCount() - 1); // as read: next() counted the claim in already
                ps.setLong(7, now);
            });
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    claimed.add(wanted.get(i));
                }
            }
            if (candidates.size() < page) {
                break;
            }
            StoredMessage last = candidates.get(candidates.size() - 1);
            afterPriority = last.priority();
            afterId = last.id();
        }
        return claimed;
    }

    /** The candidate as it will be once claimed: one more delivery. */
    private static StoredMessage next(StoredMessage m) {
        return new StoredMessage(m.id(), m.endpointId(), m.payload(), m.priority(), m.expiration(),
                m.deliveryCount() + 1, m.deadLetterReason(), m.deadLetterOrigin());
    }

    /** Maps {@link Dialect#MESSAGE_COLUMNS}. */
    static StoredMessage message(ResultSet rs) throws SQLException {
        return new StoredMessage(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getInt(4), rs.getLong(5),
                rs.getInt(6), rs.getString(7), rs.getString(8));
    }
}
