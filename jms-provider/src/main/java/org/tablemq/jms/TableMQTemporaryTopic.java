package org.tablemq.jms;

import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.TemporaryTopic;

/**
 * A temporary topic. The owner is the connection that created it; a temporary topic decoded from a received
 * message's JMSReplyTo has none, and cannot be deleted through it.
 */
public class TableMQTemporaryTopic extends TableMQTopic implements TemporaryTopic {

    private static final long serialVersionUID = 1L;

    private final transient TemporaryDestinationOwner owner;

    public TableMQTemporaryTopic(String name, TemporaryDestinationOwner owner) {
        super(name);
        this.owner = owner;
    }

    @Override
    public boolean isTemporary() {
        return true;
    }

    @Override
    public void delete() throws JMSException {
        if (owner == null) {
            throw new IllegalStateException("Cannot delete " + this
                    + ": only the connection that created it can delete it");
        }
        owner.deleteTemporary(this);
    }
}
