package org.tablemq.jms.client;

import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.tablemq.jms.TableMQDestination;
import org.tablemq.jms.TableMQTemporaryQueue;
import org.tablemq.jms.TableMQTemporaryTopic;
import org.tablemq.jms.TemporaryDestinationOwner;
import org.tablemq.jms.store.DestinationRef;
import org.tablemq.jms.tx.StoreGateway;

/**
 * The destinations one connection deals with: the temporary ones it created (only it may consume from them;
 * they are deleted with it) and the permanent ones it already made sure exist (destinations are created on
 * first use, once per connection).
 */
final class ConnectionDestinations {

    private final String connectionId;
    private final String connection;
    private final StoreGateway gateway;
    private final Map<DestinationRef, TableMQDestination> temporaries = new ConcurrentHashMap<>();
    private final Set<DestinationRef> ensured = ConcurrentHashMap.newKeySet();

    ConnectionDestinations(String connectionId, String connection, StoreGateway gateway) {
        this.connectionId = connectionId;
        this.connection = connection;
        this.gateway = gateway;
    }

    TableMQTemporaryQueue createTemporaryQueue(TemporaryDestinationOwner owner) throws JMSException {
        return create(new TableMQTemporaryQueue("TMP.Q." + connectionId + "." + UUID.randomUUID(), owner));
    }

    TableMQTemporaryTopic createTemporaryTopic(TemporaryDestinationOwner owner) throws JMSException {
        return create(new TableMQTemporaryTopic("TMP.T." + connectionId + "." + UUID.randomUUID(), owner));
    }

    private <D extends TableMQDestination> D create(D d) throws JMSException {
        DestinationRef ref = d.toRef();
        gateway.run("create temporary " + ref, s -> s.createTemporary(ref, connectionId));
        temporaries.put(ref, d);
        return d;
    }

    /** Deletes one of this connection's temporary destinations, refused while a consumer uses it. */
    void deleteTemporary(TableMQDestination d, Collection<TableMQMessageConsumer> consumers) throws JMSException {
        DestinationRef ref = d.toRef();
        if (!temporaries.containsKey(ref)) {
            throw new InvalidDestinationException("Cannot delete temporary " + ref
                    + ": it was deleted already or belongs to another connection than " + connection);
        }
        for (TableMQMessageConsumer c : consumers) {
            if (c.destination().toRef().equals(ref)) {
                throw new IllegalStateException("Cannot delete temporary " + ref + ": " + c.description()
                        + " still consumes from it");
            }
        }
        gateway.run("delete temporary " + ref, s -> s.deleteTemporary(ref));
        temporaries.remove(ref);
    }

    /** Only the connection that created a temporary destination may consume from it. */
    void checkConsumable(TableMQDestination d) throws JMSException {
        if (Destinations.isTemporary(d) && !temporaries.containsKey(d.toRef())) {
            throw new InvalidDestinationException("Cannot consume from temporary " + d.toRef() + " in " + connection
                    + ": it was deleted or belongs to another connection");
        }
    }

    /** Creates a destination on its first use; a temporary one must still exist. */
    void checkSendable(TableMQDestination d) throws JMSException {
        DestinationRef ref = d.toRef();
        if (Destinations.isTemporary(d)) {
            if (!temporaries.containsKey(ref) && !gateway.call("look up temporary " + ref, s -> s.exists(ref))) {
                throw new InvalidDestinationException("Cannot send to temporary " + ref + ": it has been deleted");
            }
        } else if (!ensured.contains(ref)) {
            gateway.run("create " + ref, s -> s.ensureDestination(ref));
            ensured.add(ref);
        }
    }

    /** The connection closes: its temporary destinations go with it. Returns the first failure, others suppressed. */
    JMSException deleteAll() {
        JMSException failure = null;
        for (DestinationRef ref : temporaries.keySet()) {
            try {
                gateway.run("delete temporary " + ref, s -> s.deleteTemporary(ref));
            } catch (JMSException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        temporaries.clear();
        return failure;
    }
}
