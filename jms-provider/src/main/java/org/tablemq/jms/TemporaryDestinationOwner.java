package org.tablemq.jms;

import jakarta.jms.JMSException;

/**
 * The connection that created a temporary destination: only it may delete the destination, so
 * {@link TableMQTemporaryQueue#delete()} and {@link TableMQTemporaryTopic#delete()} call back into it.
 */
public interface TemporaryDestinationOwner {

    /** Deletes {@code d}; fails with the spec's exception when it still has consumers. */
    void deleteTemporary(TableMQDestination d) throws JMSException;
}
