package org.tablemq.jms.store;

import java.util.Objects;

/**
 * A queue or topic as the store knows it: a name and a kind. Names are data (bound as SQL parameters),
 * so any non-empty string is a valid name, quotes and all.
 */
public record DestinationRef(String name, Kind kind) {

    /** Whether messages go to one consumer (queue) or to every subscription (topic). */
    public enum Kind { QUEUE, TOPIC }

    public DestinationRef {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A destination name must not be null or empty");
        }
    }

    public static DestinationRef queue(String name) {
        return new DestinationRef(name, Kind.QUEUE);
    }

    public static DestinationRef topic(String name) {
        return new DestinationRef(name, Kind.TOPIC);
    }

    @Override
    public String toString() {
        return (kind == Kind.QUEUE ? "queue '" : "topic '") + name + "'";
    }
}
