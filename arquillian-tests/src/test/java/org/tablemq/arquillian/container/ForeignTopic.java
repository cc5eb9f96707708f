package org.tablemq.arquillian.container;

import jakarta.jms.Topic;

/** A topic object that no provider created: sending to it must fail (InvalidDestinationRuntimeException). */
record ForeignTopic(String name) implements Topic {

    @Override
    public String getTopicName() {
        return name;
    }
}
