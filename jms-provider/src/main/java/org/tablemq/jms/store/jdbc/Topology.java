package org.tablemq.jms.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.tablemq.jms.store.DestinationNotFoundException;
import org.tablemq.jms.store.DestinationRef;
import org.tablemq.jms.store.Endpoint;
import org.tablemq.jms.store.StoreException;
import org.tablemq.jms.store.Subscription;
import org.tablemq.jms.store.SubscriptionInUseException;
import org.tablemq.jms.store.SubscriptionNotFoundException;
import org.tablemq.jms.store.SubscriptionSpec;

/**
 * Destinations, queue endpoints and topic subscriptions: creating them on first use, temporary destinations,
 * attaching and detaching consumers. Subscriptions are found by a key that encodes their namespace, client id
 * and name ({@code null} for unshared non-durable ones, which are private to one consumer). Changing a
 * subscription locks its endpoint row, so two nodes attaching at once are serialised by the database.
 */
final class Topology {

    private record EndpointRow(long id, long destinationId, String description, boolean durable, boolean shared,
                               String selector, boolean noLocal, String connectionId) {
    }

    private record DestinationRow(long id, boolean deleted, boolean temporary) {
    }

    /** Lost a race to create the same row as another node; the caller tries again. */
    private static final class Conflict extends StoreException {
        Conflict(String message) {
            super(message);
        }
    }

    private final Jdbc jdbc;
    private final Dialect sql;
    private final String nodeId;
    private final ConcurrentHashMap<DestinationRef, Target> targets = new ConcurrentHashMap<>();

    Topology(Jdbc jdbc, Dialect sql, String nodeId) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.nodeId = nodeId;
    }

    /**
     * The destination's rows, created on first use. Temporary destinations must exist: one whose rows are gone was
     * deleted, and is never created again by a use of its name.
     */
    Target resolve(DestinationRef ref) throws StoreException {
        Target cached = targets.get(ref);
        if (cached != null) {
            return cached;
        }
        Target target = jdbc.autoCommit("find or create " + ref, c -> {
            DestinationRow row = destination(c, ref).orElse(null);
            if (row == null && ref.temporary()) {
                throw new DestinationNotFoundException("Temporary " + ref + " has been deleted");
            }
            if (row == null) {
                insertIgnoringDuplicate(c, ref);
                row = destination(c, ref).orElseThrow(() -> new SQLException("Row of " + ref + " vanished"));
            }
            if (row.deleted()) {
                throw new DestinationNotFoundException("Temporary " + ref + " has been deleted");
            }
            if (ref.kind() == DestinationRef.Kind.TOPIC) {
                return new Target(row.id(), -1, ref.toString(), row.temporary());
            }
            return new Target(row.id(), queueEndpoint(c, row.id(), ref), ref.toString(), row.temporary());
        });
        if (!target.temporary()) {
            targets.put(ref, target);
        }
        return target;
    }

    Endpoint queueEndpoint(String queueName) throws StoreException {
        return queueEndpoint(DestinationRef.queue(queueName));
    }

    /** A temporary queue must exist: consuming from one that was deleted never creates a queue of its name. */
    Endpoint queueEndpoint(DestinationRef queue) throws StoreException {
        if (queue.kind() != DestinationRef.Kind.QUEUE) {
            throw new IllegalArgumentException(queue + " is not a queue");
        }
        Target t = resolve(queue);
        return new Endpoint(t.endpointId(), t.description());
    }

    boolean exists(DestinationRef ref) throws StoreException {
        return jdbc.autoCommit("look up " + ref, c -> destination(c, ref).map(r -> !r.deleted()).orElse(false));
    }

    void createTemporary(DestinationRef ref, String ownerConnectionId) throws StoreException {
        jdbc.inTransaction("create temporary " + ref, c -> {
            long id = jdbc.insert(c, sql.insertDestination, ps -> {
                ps.setString(1, ref.name());
                ps.setString(2, kindCode(ref));
                ps.setString(3, Objects.requireNonNull(ownerConnectionId, "ownerConnectionId"));
                ps.setString(4, nodeId);
            });
            if (ref.kind() == DestinationRef.Kind.QUEUE) {
                insertEndpoint(c, id, "Q:" + id, ref.toString(), true, false, null, false, null, null);
            }
            return null;
        });
    }

    void deleteTemporary(DestinationRef ref) throws StoreException {
        jdbc.inTransaction("delete temporary " + ref, c -> {
            DestinationRow row = destination(c, ref)
                    .filter(r -> !r.deleted())
                    .orElseThrow(() -> new DestinationNotFoundException("Cannot delete temporary " + ref + ": it does not exist"));
            if (!row.temporary()) {
                throw new DestinationNotFoundException("Cannot delete " + ref + ": it is not a temporary destination");
            }
            List<Long> endpoints = Jdbc.query(c, sql.endpointsOfDestination, ps -> ps.setLong(1, row.id()), rs -> rs.getLong(1));
            for (long endpoint : endpoints) {
                long consumers = Jdbc.count(c, sql.countAttachments, ps -> ps.setLong(1, endpoint))
                        + Jdbc.count(c, sql.countClaimedOnEndpoint, ps -> ps.setLong(1, endpoint));
                if (consumers > 0) {
                    throw new SubscriptionInUseException("Cannot delete temporary " + ref + ": it still has consumers");
                }
            }
            deleteDestinationContent(c, row.id(), endpoints);
            return null;
        });
        targets.remove(ref);
    }

    Subscription attach(SubscriptionSpec spec) throws StoreException {
        Target topic = resolve(DestinationRef.topic(spec.topic()));
        String selector = spec.selector() == null || spec.selector().isEmpty() ? null : spec.selector();
        String key = subscriptionKey(spec);
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbc.inTransaction("attach a consumer to " + spec.describe(),
                        c -> attach(c, spec, topic, selector, key));
            } catch (Conflict e) {
                if (attempt >= 3) {
                    throw new StoreException("Cannot attach a consumer to " + spec.describe()
                            + ": it is being created and deleted concurrently", e);
                }
            }
        }
    }

    private Subscription attach(Connection c, SubscriptionSpec spec, Target topic, String selector, String key)
            throws SQLException, StoreException {
        String description = spec.describe();
        long endpointId;
        if (key == null) {
            endpointId = insertEndpoint(c, topic.destinationId(), null, description, false, false, selector,
                    spec.noLocal(), spec.connectionId(), nodeId);
        } else {
            EndpointRow row = endpointByKey(c, key).orElse(null);
            if (row == null) {
                try {
                    endpointId = insertEndpoint(c, topic.destinationId(), key, description, spec.durable(),
                            spec.shared(), selector, spec.noLocal(), spec.connectionId(), null);
                } catch (SQLException e) {
                    if (SqlErrors.classify(e) == SqlErrors.Kind.UNIQUE_VIOLATION) {
                        throw new Conflict(description + " was created concurrently");
                    }
                    throw e;
                }
            } else {
                endpointId = row.id();
                long active = Jdbc.count(c, sql.countAttachments, ps -> ps.setLong(1, row.id()));
                boolean same = row.destinationId() == topic.destinationId() && Objects.equals(row.selector(), selector)
                        && row.noLocal() == spec.noLocal() && row.shared() == spec.shared();
                if (active > 0 && !same) {
                    throw new SubscriptionInUseException("Cannot attach a consumer to " + description + ": it has "
                            + active + " active consumer(s) with a different topic, selector, noLocal or sharing");
                }
                if (active > 0 && !spec.shared()) {
                    throw new SubscriptionInUseException("Cannot attach a consumer to " + description
                            + ": it already has an active consumer and is not shared");
                }
                if (active == 0) {
                    if (!same) {
                        // the Messaging spec: a changed durable subscription is deleted and recreated
                        Jdbc.update(c, sql.deleteMessagesOfEndpoint, ps -> ps.setLong(1, row.id()));
                    }
                    Jdbc.update(c, sql.updateEndpointSettings, ps -> {
                        ps.setLong(1, topic.destinationId());
                        ps.setString(2, description);
                        ps.setBoolean(3, spec.shared());
                        ps.setString(4, selector);
                        ps.setBoolean(5, spec.noLocal());
                        ps.setString(6, spec.connectionId());
                        ps.setLong(7, row.id());
                    });
                }
            }
        }
        long attachment = jdbc.insert(c, sql.insertAttachment, ps -> {
            ps.setLong(1, endpointId);
            ps.setString(2, nodeId);
        });
        return new Subscription(new Endpoint(endpointId, description), spec, attachment);
    }

    void detach(Subscription subscription) throws StoreException {
        jdbc.inTransaction("detach a consumer from " + subscription.spec().describe(), c -> {
            Optional<EndpointRow> row = lockEndpoint(c, subscription.endpoint().id());
            Jdbc.update(c, sql.deleteAttachment, ps -> ps.setLong(1, subscription.attachment()));
            if (row.isPresent() && !row.get().durable()) {
                deleteIfUnattached(c, row.get().id());
            }
            return null;
        });
    }

    void unsubscribe(String clientId, String name) throws StoreException {
        SubscriptionSpec spec = new SubscriptionSpec("?", name, clientId, true, false, null, false, null);
        String what = "durable subscription '" + name + "'" + (clientId == null ? "" : " of client '" + clientId + "'");
        jdbc.inTransaction("unsubscribe " + what, c -> {
            EndpointRow row = endpointByKey(c, subscriptionKey(spec))
                    .orElseThrow(() -> new SubscriptionNotFoundException("Cannot unsubscribe: there is no " + what));
            long active = Jdbc.count(c, sql.countAttachments, ps -> ps.setLong(1, row.id()));
            if (active > 0) {
                throw new SubscriptionInUseException("Cannot unsubscribe " + row.description() + ": it has "
                        + active + " active consumer(s)");
            }
            deleteEndpoint(c, row.id());
            return null;
        });
    }

    /**
     * Removes what a node owned that must not outlive it: its consumers' attachments, its unshared non-durable
     * subscriptions, its temporary destinations, and shared non-durable subscriptions left without consumers.
     */
    void removeNodeState(String node) throws StoreException {
        jdbc.inTransaction("remove the consumers and temporary destinations of node " + node, c -> {
            Jdbc.update(c, sql.deleteAttachmentsOfNode, ps -> ps.setString(1, node));
            for (long endpoint : Jdbc.query(c, sql.unsharedNonDurableOfNode, ps -> ps.setString(1, node), rs -> rs.getLong(1))) {
                deleteEndpoint(c, endpoint);
            }
            for (long destination : Jdbc.query(c, sql.temporaryDestinationsOfNode, ps -> ps.setString(1, node), rs -> rs.getLong(1))) {
                deleteDestinationContent(c, destination,
                        Jdbc.query(c, sql.endpointsOfDestination, ps -> ps.setLong(1, destination), rs -> rs.getLong(1)));
            }
            for (long endpoint : Jdbc.query(c, sql.orphanSharedNonDurable, ps -> { }, rs -> rs.getLong(1))) {
                if (lockEndpoint(c, endpoint).isPresent()) {
                    deleteIfUnattached(c, endpoint);
                }
            }
            return null;
        });
    }

    private void deleteIfUnattached(Connection c, long endpoint) throws SQLException {
        if (Jdbc.count(c, sql.countAttachments, ps -> ps.setLong(1, endpoint)) == 0) {
            deleteEndpoint(c, endpoint);
        }
    }

    /** Deletes a temporary destination: its endpoints with their messages and consumers, then its own row. */
    private void deleteDestinationContent(Connection c, long destination, List<Long> endpoints) throws SQLException {
        for (long endpoint : endpoints) {
            deleteEndpoint(c, endpoint);
        }
        Jdbc.update(c, sql.deleteDestination, ps -> ps.setLong(1, destination));
    }

    /** Removes the rows of temporary destinations that earlier builds marked deleted but kept. */
    int purgeDeletedDestinations() throws StoreException {
        return jdbc.autoCommit("purge deleted temporary destinations",
                c -> Jdbc.update(c, sql.purgeDeletedDestinations, ps -> { }));
    }

    private void deleteEndpoint(Connection c, long endpoint) throws SQLException {
        Jdbc.update(c, sql.deleteMessagesOfEndpoint, ps -> ps.setLong(1, endpoint));
        Jdbc.update(c, sql.deleteAttachmentsOfEndpoint, ps -> ps.setLong(1, endpoint));
        Jdbc.update(c, sql.deleteEndpoint, ps -> ps.setLong(1, endpoint));
    }

    private long queueEndpoint(Connection c, long destinationId, DestinationRef ref) throws SQLException {
        String key = "Q:" + destinationId;
        Optional<EndpointRow> row = endpointByKey(c, key);
        if (row.isPresent()) {
            return row.get().id();
        }
        try {
            return insertEndpoint(c, destinationId, key, ref.toString(), true, false, null, false, null, null);
        } catch (SQLException e) {
            if (SqlErrors.classify(e) != SqlErrors.Kind.UNIQUE_VIOLATION) {
                throw e;
            }
            return endpointByKey(c, key).orElseThrow(() -> e).id();
        }
    }

    private void insertIgnoringDuplicate(Connection c, DestinationRef ref) throws SQLException {
        try {
            jdbc.insert(c, sql.insertDestination, ps -> {
                ps.setString(1, ref.name());
                ps.setString(2, kindCode(ref));
                ps.setString(3, null);
                ps.setString(4, null);
            });
        } catch (SQLException e) {
            if (SqlErrors.classify(e) != SqlErrors.Kind.UNIQUE_VIOLATION) {
                throw e;       // a duplicate means another node created it first, which is what we wanted
            }
        }
    }

    private long insertEndpoint(Connection c, long destinationId, String key, String description, boolean durable,
                                boolean shared, String selector, boolean noLocal, String connectionId, String ownerNode)
            throws SQLException {
        return jdbc.insert(c, sql.insertEndpoint, ps -> {
            ps.setLong(1, destinationId);
            ps.setString(2, key);
            ps.setString(3, description);
            ps.setBoolean(4, durable);
            ps.setBoolean(5, shared);
            ps.setString(6, selector);
            ps.setBoolean(7, noLocal);
            ps.setString(8, connectionId);
            ps.setString(9, ownerNode);
        });
    }

    private Optional<DestinationRow> destination(Connection c, DestinationRef ref) throws SQLException {
        return Jdbc.queryOne(c, sql.selectDestination, ps -> {
            ps.setString(1, ref.name());
            ps.setString(2, kindCode(ref));
        }, rs -> new DestinationRow(rs.getLong(1), rs.getBoolean(2), rs.getString(3) != null));
    }

    private Optional<EndpointRow> endpointByKey(Connection c, String key) throws SQLException {
        return Jdbc.queryOne(c, sql.selectEndpointByKey, ps -> ps.setString(1, key), Topology::endpointRow);
    }

    private Optional<EndpointRow> lockEndpoint(Connection c, long id) throws SQLException {
        return Jdbc.queryOne(c, sql.lockEndpointById, ps -> ps.setLong(1, id), Topology::endpointRow);
    }

    private static EndpointRow endpointRow(java.sql.ResultSet rs) throws SQLException {
        return new EndpointRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                rs.getString(6), rs.getBoolean(7), rs.getString(8));
    }

    private static String kindCode(DestinationRef ref) {
        return ref.kind() == DestinationRef.Kind.QUEUE ? "Q" : "T";
    }

    /**
     * The unique key of a named subscription: its namespace (durable or shared non-durable), then the client id
     * with its length (so no client id and name can be confused with another pair), then the name.
     */
    static String subscriptionKey(SubscriptionSpec spec) {
        if (spec.name() == null) {
            return null;
        }
        String client = spec.clientId() == null ? "-" : spec.clientId().length() + "|" + spec.clientId();
        return (spec.durable() ? "D" : "S") + client + "|" + spec.name();
    }

    /** A subscription's client id and name read back from its {@link #subscriptionKey key}. */
    record KeyParts(String clientId, String name) {
    }

    /** The inverse of {@link #subscriptionKey}; null for a queue's key or none. */
    static KeyParts parseSubscriptionKey(String key) {
        if (key == null || key.isEmpty() || (key.charAt(0) != 'D' && key.charAt(0) != 'S')) {
            return null;
        }
        String rest = key.substring(1);
        if (rest.startsWith("-|")) {
            return new KeyParts(null, rest.substring(2));
        }
        int bar = rest.indexOf('|');
        int length = Integer.parseInt(rest.substring(0, bar));
        String client = rest.substring(bar + 1, bar + 1 + length);
        return new KeyParts(client, rest.substring(bar + 1 + length + 1));
    }
}
