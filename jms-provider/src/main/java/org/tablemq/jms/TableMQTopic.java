package org.tablemq.jms;

import jakarta.jms.Topic;

import org.tablemq.jms.store.DestinationRef;

/** A TableMQ topic: every subscription gets each message. */
public class TableMQTopic extends TableMQDestination implements Topic {

    private static final long serialVersionUID = 1L;

    /** For JavaBean use (admin objects): call {@link #setName} before use. */
    public TableMQTopic() {
    }

    public TableMQTopic(String name) {
        super(name);
    }

    @Override
    public String getTopicName() {
        return getName();
    }

    @Override
    public final DestinationRef.Kind kind() {
        return DestinationRef.Kind.TOPIC;
    }
}
