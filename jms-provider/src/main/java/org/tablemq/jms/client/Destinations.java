package org.tablemq.jms.client;

import jakarta.jms.Destination;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.Topic;
import org.tablemq.jms.TableMQDestination;
import org.tablemq.jms.TableMQQueue;
import org.tablemq.jms.TableMQTopic;
import org.tablemq.jms.internal.JmsErrors;

/** Turns what applications pass as destinations into TableMQ destinations, refusing what cannot work. */
final class Destinations {

    private Destinations() {
    }

    static TableMQDestination resolve(Destination d, String purpose) throws JMSException {
        if (d == null) {
            throw new InvalidDestinationException("Cannot " + purpose + ": the destination is null");
        }
        if (d instanceof TableMQDestination t) {
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

    private static void checkName(String name, String kind) throws InvalidDestinationException {
        if (name == null || name.isEmpty()) {
            throw new InvalidDestinationException("A " + kind + " name must not be " + (name == null ? "null" : "empty"));
        }
    }

    static boolean isTemporary(Destination d) {
        return d instanceof TemporaryQueue || d instanceof TemporaryTopic;
    }
}
