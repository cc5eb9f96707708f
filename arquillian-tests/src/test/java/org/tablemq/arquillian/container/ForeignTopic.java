package org.tablemq.arquillian.container;

import jakarta.jms.TemporaryTopic;

/**
 * A temporary topic that no TableMQ connection created (as if it came from another provider): it cannot be
 * resolved by name, so sending to it must fail with InvalidDestination(Runtime)Exception.
 */
record ForeignTopic(String name) implements TemporaryTopic {

    @Override
    public String getTopicName() {
        return name;
    }

    @Override
    public void delete() {
        // nothing to delete: it exists only as this object
    }
}
