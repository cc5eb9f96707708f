package org.tablemq.jms.client;

import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;
import java.util.Optional;
import org.tablemq.jms.TableMQDestination;
import org.tablemq.jms.TableMQQueue;
import org.tablemq.jms.TableMQTopic;
import org.tablemq.jms.internal.JmsErrors;
import org.tablemq.jms.store.DestinationRef;
import org.tablemq.jms.store.StoreLimits;

/** Turns what applications pass as destinations into TableMQ destinations, refusing what cannot work. */
final class Destinations {

    private Destinations() {
    }

    static TableMQDestination resolve(Destination d, String purpose) throws JMSException {
        if (d == null) {
            throw new InvalidDestinationException("Cannot " + purpose + ": the destination is null");
        }
        if (d instanceof TableMQDestination t) {
            if (!t.isTemporary()) {
                // built with a constructor or looked up by JNDI: its name has not been checked yet
                checkName(t.getName(), t.kind() == DestinationRef.Kind.QUEUE ? "queue" : "topic");
            }
            return t;
        }
        // A destination of another provider: a permanent queue or topic can be looked up by name, a temporary one cannot.
        if (d instanceof TemporaryQueue || d instanceof TemporaryTopic) {
            throw new InvalidDestinationException("Cannot " + purpose + ": " + d
                    + " is a temporary destination of another JMS provider");
        }
        if (d instanceof Queue q) {
            return queue(q.getQueueName());
        }
        if (d instanceof Topic t) {
            return topic(t.getTopicName());
        }
        throw new InvalidDestinationException("Cannot " + purpose + ": " + d + " is neither a Queue nor a Topic");
    }

    static TableMQQueue queue(String name) throws JMSException {
        checkName(name, "queue");
        try {
            return new TableMQQueue(name);
        } catch (IllegalArgumentException e) {
            throw JmsErrors.create(new InvalidDestinationException(e.getMessage()), e);
        }
    }

    static TableMQTopic topic(String name) throws JMSException {
        checkName(name, "topic");
        try {
            return new TableMQTopic(name);
        } catch (IllegalArgumentException e) {
            throw JmsErrors.create(new InvalidDestinationException(e.getMessage()), e);
        }
    }

    /** The name rules of {@link StoreLimits}, so a name the store cannot keep fails here and not at the database. */
    private static void checkName(String name, String kind) throws InvalidDestinationException {
        Optional<String> problem = StoreLimits.problem(name, StoreLimits.MAX_DESTINATION_NAME);
        if (problem.isPresent()) {
            throw new InvalidDestinationException("The " + kind + " name '" + StoreLimits.preview(name) + "' "
                    + problem.get() + " (a " + kind + " name is 1-" + StoreLimits.MAX_DESTINATION_NAME
                    + " characters of well-formed UTF-16 without NUL)");
        }
    }

    static boolean isTemporary(Destination d) {
        return d instanceof TemporaryQueue || d instanceof TemporaryTopic;
    }
}
