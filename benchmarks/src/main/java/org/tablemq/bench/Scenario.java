package org.tablemq.bench;

import java.util.Locale;

/**
 * The scenarios of the comparison. All send persistent 1 KiB messages; every system gets a fresh store for every
 * scenario run, so no scenario sees another's leftovers.
 */
public enum Scenario {
    S1("S1", "1 producer, non-transacted persistent send, one at a time", "msgs/s", "send() call"),
    S2("S2", "1 producer, transacted, commit every 100", "msgs/s", null),
    S3_TX("S3-tx", "drain a pre-filled queue, 1 consumer, transacted, commit every 100", "msgs/s", null),
    S3_AUTO("S3-auto", "drain a pre-filled queue, 1 consumer, AUTO_ACKNOWLEDGE", "msgs/s", null),
    S4("S4", "1 producer + 1 consumer at full speed", "msgs/s received", "send→receive"),
    S4_WAKE("S4-wake", "1 message at a time to a consumer waiting on an empty queue", "round trips/s",
            "send() return→receive()"),
    S5("S5", "topic, 1 producer, 4 durable subscribers", "deliveries/s", "send→receive"),
    S6("S6", "1 queue, 4 producers + 4 consumers", "msgs/s received", "send→receive");

    private final String label;
    private final String description;
    private final String unit;
    private final String latencyOf;

    Scenario(String label, String description, String unit, String latencyOf) {
        this.label = label;
        this.description = description;
        this.unit = unit;
        this.latencyOf = latencyOf;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** What the rate of this scenario counts. */
    public String unit() {
        return unit;
    }

    /** What the latency histogram measures, or null when the scenario records none. */
    public String latencyOf() {
        return latencyOf;
    }

    public static Scenario parse(String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Scenario s : values()) {
            if (s.name().equals(wanted) || s.label.equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("Unknown scenario '" + text + "'; known: S1, S2, S3-tx, S3-auto, S4, "
                + "S4-wake, S5, S6");
    }
}
