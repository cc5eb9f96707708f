package org.tablemq.jms.store;

import java.util.Objects;

/**
 * A queue or topic as the store knows it: a name and a kind. Names are data (bound as SQL parameters),
 * so any non-empty string is a valid name, quotes and all.
 *
 * @param temporary whether this names a temporary destination: the store never creates one on first use (only
 *                  {@link MessageStore#createTemporary} does), so a send to one that was deleted fails instead of
 *                  creating an ordinary destination of that name
 */
public record DestinationRef(String name, Kind kind, boolean temporary) {

    /** Whether messages go to one consumer (queue) or to every subscription (topic). */
    public enum Kind { QUEUE, TOPIC }

    public DestinationRef {
        Objects.requireNonNull(kind, "kind");
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("A destination name must not be null or empty");
        }
    }

    /** An ordinary (not temporary) destination. */
    public DestinationRef(String name, Kind kind) {
        this(name, kind, false);
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
