package org.tablemq.ra.inbound;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import jakarta.resource.ResourceException;
import jakarta.resource.spi.InvalidPropertyException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.ra.ProviderFactory;
import org.tablemq.ra.StoreConfig;
import org.tablemq.ra.outbound.ConnectionFactoryHandle;

/**
 * What an activation consumes from, resolved once at activation: the provider factory (the adapter's store with the
 * activation's options, or the store behind {@code connectionFactoryLookup}) and the destination's name and kind
 * (from {@code destination}/{@code destinationType}, or the object behind {@code destinationLookup}).
 *
 * @param factory     the provider's factory to connect with
 * @param destination the queue or topic name
 * @param topic       whether it is a topic
 * @param deadLetters where exhausted messages go when {@code deadLetterQueue} is set, null for the provider's default
 */
record ActivationTarget(ConnectionFactory factory, String destination, boolean topic, DeadLetterRoute deadLetters) {

    private static final String PREFETCH = "prefetch";

    static ActivationTarget resolve(TableMQActivationSpec spec, StoreConfig adapterStore) throws ResourceException {
        StoreConfig store = spec.storeConfig(adapterStore);
        if (present(spec.getConnectionFactoryLookup())) {
            Object found = lookup(spec.getConnectionFactoryLookup(), "connectionFactoryLookup");
            if (!(found instanceof ConnectionFactoryHandle handle)) {
                throw new InvalidPropertyException("TableMQ activation property 'connectionFactoryLookup': '"
                        + spec.getConnectionFactoryLookup() + "' is a " + found.getClass().getName()
                        + ", not a connection factory of the TableMQ resource adapter");
            }
            store = spec.storeConfig(handle.storeConfig());
        }
        if (!store.options().containsKey(PREFETCH)) {
            // one message at a time per consumer: maxSession consumers then share a queue evenly (and across nodes),
            // instead of one consumer holding a window of claimed messages while the others idle
            store = store.withOptions(java.util.Map.of(PREFETCH, "1"));
        }
        TableMQConnectionFactory factory = ProviderFactory.create(store, "activation of " + spec.describeDestination());
        if (present(spec.getDestination())) {
            return withDeadLetters(spec, factory, spec.getDestination().trim(), spec.isTopic());
        }
        Object found = lookup(spec.getDestinationLookup(), "destinationLookup");
        try {
            if (found instanceof Topic topic && (spec.getDestinationType() == null || spec.isTopic())) {
                return withDeadLetters(spec, factory, topic.getTopicName(), true);
            }
            if (found instanceof Queue queue && (spec.getDestinationType() == null || !spec.isTopic())) {
                return withDeadLetters(spec, factory, queue.getQueueName(), false);
            }
        } catch (JMSException e) {
            throw new ResourceException("The destination at '" + spec.getDestinationLookup() + "' has no name: "
                    + e.getMessage(), e);
        }
        throw new InvalidPropertyException("TableMQ activation property 'destinationLookup': '" + spec.getDestinationLookup()
                + "' is a " + describe(found) + (spec.getDestinationType() == null ? "" : ", but destinationType is "
                + spec.getDestinationType()));
    }

    /**
     * With a {@code deadLetterQueue}, the worker moves exhausted messages itself: the provider's limit goes one up so
     * it hands them over once more instead of moving them to its own dead letter queue.
     */
    private static ActivationTarget withDeadLetters(TableMQActivationSpec spec, TableMQConnectionFactory factory,
                                                    String destination, boolean topic) {
        String origin = (topic ? "topic '" : "queue '") + destination + "'";
        if (!present(spec.getDeadLetterQueue())) {
            return new ActivationTarget(factory, destination, topic, null);
        }
        int maxAttempts = factory.getMaxDeliveryAttempts();
        factory.setMaxDeliveryAttempts(maxAttempts + 1);
        String source = topic && present(spec.getSubscriptionName())
                ? origin + ", subscription '" + spec.getSubscriptionName().trim() + "'" : origin;
        return new ActivationTarget(factory, destination, topic,
                new DeadLetterRoute(spec.getDeadLetterQueue().trim(), maxAttempts, origin, source));
    }

    private static String describe(Object found) {
        return found instanceof Destination ? found.getClass().getName() + " (" + found + ")" : found.getClass().getName();
    }

    private static Object lookup(String name, String property) throws ResourceException {
        try {
            Object found = new InitialContext().lookup(name);
            if (found == null) {
                throw new InvalidPropertyException("TableMQ activation property '" + property + "': nothing is bound at '"
                        + name + "'");
            }
            return found;
        } catch (NamingException e) {
            throw new InvalidPropertyException("TableMQ activation property '" + property + "': lookup of '" + name
                    + "' failed: " + e.getMessage(), e);
        }
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    String describe() {
        return (topic ? "topic '" : "queue '") + destination + "'";
    }
}
