package org.tablemq.jms.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tablemq.jms.store.DestinationRef;
import org.tablemq.jms.store.StoreAdministration;
import org.tablemq.jms.store.StoreException;
import org.tablemq.jms.store.StoredMessage;
import org.tablemq.jms.store.XidKey;

/**
 * {@link StoreAdministration} on the JDBC store: figures from a few grouped queries over the whole store, and
 * operations that touch only messages nobody is working on, so that consumers and prepared branches never find their
 * rows gone. Moved messages wake consumers here and, through the notifier, on other nodes.
 */
final class Administration implements StoreAdministration {

    private record Figures(long ready, long inFlight, long scheduled, long held, long oldest) {
    }

    private record Moved(Touched touched, int count) {
    }

    private record DeadLetter(long id, DestinationRef.Kind kind, String destination, String subscriptionKey) {
    }

    private final Jdbc jdbc;
    private final AdminStatements sql;
    private final Topology topology;
    private final Notifier notifier;
    private final Arrivals arrivals;

    Administration(Jdbc jdbc, Dialect dialect, Topology topology, Notifier notifier, Arrivals arrivals) {
        this.jdbc = jdbc;
        this.sql = new AdminStatements(dialect);
        this.topology = topology;
        this.notifier = notifier;
        this.arrivals = arrivals;
    }

    @Override
    public List<EndpointFigures> endpoints(boolean countMessages) throws StoreException {
        long now = System.currentTimeMillis();
        return jdbc.autoCommit("read the figures of every queue and subscription", c -> {
            Map<Long, Figures> figures = new HashMap<>();
            Map<String, Long> deadLetters = new HashMap<>();
            if (countMessages) {
                count(c, now, figures, deadLetters);
            }
            return Jdbc.query(c, sql.endpoints, ps -> { }, rs -> {
                long id = rs.getLong(1);
                DestinationRef.Kind kind = kind(rs.getString(2));
                String destination = rs.getString(3);
                String key = rs.getString(4);
                Topology.KeyParts parts = kind == DestinationRef.Kind.TOPIC ? Topology.parseSubscriptionKey(key) : null;
                Figures f = figures.getOrDefault(id, new Figures(0, 0, 0, 0, 0));
                return new EndpointFigures(id, kind, destination, parts == null ? null : parts.name(),
                        parts == null ? null : parts.clientId(), rs.getBoolean(5), rs.getBoolean(6), f.ready(),
                        f.inFlight(), f.scheduled(), f.held(), f.oldest(),
                        kind == DestinationRef.Kind.QUEUE ? -1 : rs.getLong(7),
                        deadLetters(deadLetters, kind, destination, key));
            });
        });
    }

    private void count(Connection c, long now, Map<Long, Figures> figures, Map<String, Long> deadLetters)
            throws SQLException {
        for (var row : Jdbc.query(c, sql.figures, ps -> {
            ps.setLong(1, now);
            ps.setLong(2, now);
            ps.setLong(3, now);
        }, rs -> Map.entry(rs.getLong(1), new Figures(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                rs.getLong(6))))) {
            figures.put(row.getKey(), row.getValue());
        }
        for (var row : Jdbc.query(c, sql.deadLettersByOrigin, ps -> { },
                rs -> Map.entry(originKey(kind(rs.getString(1)), rs.getString(2), rs.getString(3)), rs.getLong(4)))) {
            deadLetters.merge(row.getKey(), row.getValue(), Long::sum);
        }
    }

    @Override
    public List<NodeRecord> nodes() throws StoreException {
        return jdbc.autoCommit("list the nodes", c -> Jdbc.query(c, sql.nodes, ps -> { },
                rs -> new NodeRecord(rs.getString(1), rs.getLong(2), rs.getLong(3))));
    }

    @Override
    public List<InspectedMessage> inspect(long endpointId, long afterId, int max) throws StoreException {
        long now = System.currentTimeMillis();
        return jdbc.autoCommit("inspect the messages of endpoint " + endpointId, c -> Jdbc.query(c, sql.inspect, ps -> {
            ps.setLong(1, endpointId);
            ps.setLong(2, afterId);
            ps.setInt(3, max);
        }, rs -> inspected(rs, now)));
    }

    private static InspectedMessage inspected(ResultSet rs, long now) throws SQLException {
        StoredMessage m = new StoredMessage(rs.getLong(1), rs.getLong(2), rs.getBytes(3), rs.getInt(4), rs.getLong(5),
                rs.getInt(6), rs.getString(7), rs.getString(8));
        long deliverAt = rs.getLong(10);
        String owner = rs.getString(12);
        State state = !"R".equals(rs.getString(11).trim()) ? State.HELD_BY_PREPARED_BRANCH
                : owner != null ? State.IN_FLIGHT
                : deliverAt > now ? State.SCHEDULED : State.READY;
        String kind = rs.getString(14);
        DeadLetterOrigin origin = null;
        if (kind != null) {
            Topology.KeyParts parts = Topology.parseSubscriptionKey(rs.getString(16));
            origin = new DeadLetterOrigin(kind(kind), rs.getString(15), parts == null ? null : parts.name(),
                    parts == null ? null : parts.clientId());
        }
        return new InspectedMessage(m, rs.getLong(9), deliverAt, state, rs.getString(13), origin);
    }

    @Override
    public long purge(long endpointId) throws StoreException {
        return jdbc.autoCommit("purge endpoint " + endpointId, c -> (long) Jdbc.update(c, sql.purge,
                ps -> ps.setLong(1, endpointId)));
    }

    @Override
    public boolean delete(long endpointId, long messageId) throws StoreException {
        return jdbc.autoCommit("delete message " + messageId, c -> Jdbc.update(c, sql.delete, ps -> {
            ps.setLong(1, messageId);
            ps.setLong(2, endpointId);
        }) > 0);
    }

    @Override
    public RetryOutcome retryDeadLetters(long deadLetterEndpointId, int max) throws StoreException {
        List<DeadLetter> found = jdbc.autoCommit("find dead letters on endpoint " + deadLetterEndpointId,
                c -> Jdbc.query(c, sql.deadLetters, ps -> {
                    ps.setLong(1, deadLetterEndpointId);
                    ps.setInt(2, max);
                }, rs -> new DeadLetter(rs.getLong(1), kind(rs.getString(2)), rs.getString(3), rs.getString(4))));
        // targets resolved before the move, each in its own statement: a queue is created on first use as usual
        List<Map.Entry<Long, Long>> moves = new ArrayList<>();      // dead letter id -> endpoint it failed on
        for (DeadLetter d : found) {
            Long target = target(d);
            if (target != null) {
                moves.add(Map.entry(d.id(), target));
            }
        }
        Moved moved = jdbc.inTransaction("retry " + moves.size() + " dead letter(s)", c -> {
            int[] counts = Jdbc.batch(c, sql.retry, moves, (ps, m) -> {
                ps.setLong(1, m.getValue());                // endpoint_id: where it failed
                ps.setLong(2, m.getKey());                  // id
                ps.setLong(3, deadLetterEndpointId);        // still on the dead letter queue
            });
            Touched t = new Touched();
            int n = 0;
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    t.add(moves.get(i).getValue(), 0);
                    n++;
                }
            }
            notifier.announce(c, t);
            return new Moved(t, n);
        });
        moved.touched().signal(arrivals);
        return new RetryOutcome(moved.count(), found.size() - moved.count());
    }

    /** The endpoint a dead letter failed on, or null if it is gone or never had a name. */
    private Long target(DeadLetter d) throws StoreException {
        if (d.kind() == DestinationRef.Kind.QUEUE) {
            return topology.queueEndpoint(d.destination()).id();
        }
        if (d.subscriptionKey() == null) {
            return null;
        }
        return jdbc.autoCommit("find the subscription of a dead letter", c -> Jdbc.queryOne(c, sql.subscriptionByKey,
                ps -> ps.setString(1, d.subscriptionKey()), rs -> rs.getLong(1)).orElse(null));
    }

    @Override
    public List<PreparedBranch> preparedBranches() throws StoreException {
        return jdbc.autoCommit("list prepared XA branches", c -> Jdbc.query(c, sql.preparedBranches, ps -> { },
                rs -> new PreparedBranch(new XidKey(rs.getInt(1), rs.getBytes(2), rs.getBytes(3)), rs.getString(4),
                        rs.getLong(5), rs.getLong(6))));
    }

    private static DestinationRef.Kind kind(String code) {
        return "T".equals(code.trim()) ? DestinationRef.Kind.TOPIC : DestinationRef.Kind.QUEUE;
    }

    /** A non-durable unshared subscription has no key, so its dead letters cannot be told from its siblings'. */
    private static long deadLetters(Map<String, Long> byOrigin, DestinationRef.Kind kind, String destination, String key) {
        if (kind == DestinationRef.Kind.QUEUE) {
            return byOrigin.getOrDefault(originKey(kind, destination, null), 0L);
        }
        return key == null ? 0 : byOrigin.getOrDefault(originKey(kind, destination, key), 0L);
    }

    private static String originKey(DestinationRef.Kind kind, String destination, String subscriptionKey) {
        return kind + "\u0000" + destination + "\u0000" + subscriptionKey;
    }
}
