package org.tablemq.jms;

import jakarta.jms.Queue;

import org.tablemq.jms.store.DestinationRef;

/** A TableMQ queue: messages go to one consumer each. */
public class TableMQQueue extends TableMQDestination implements Queue {

    private static final long serialVersionUID = 1L;

    /** For JavaBean use (admin objects): call {@link #setName} before use. */
    public TableMQQueue() {
    }

    public TableMQQueue(String name) {
        super(name);
    }

    @Override
    public String getQueueName() {
        return getName();
    }

    @Override
    public final DestinationRef.Kind kind() {
        return DestinationRef.Kind.QUEUE;
    }
}
