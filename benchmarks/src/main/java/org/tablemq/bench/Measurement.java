package org.tablemq.bench;

import org.HdrHistogram.Histogram;

/**
 * What one run of one scenario on one system counted.
 *
 * @param count         operations completed inside the measured window (messages, deliveries or round trips)
 * @param elapsedNanos  length of the measured window
 * @param secondary     a second count where the scenario has one (messages sent in S4/S6/S5), else -1
 * @param latency       latency histogram in nanoseconds, or null when the scenario records none
 * @param operations    every send and every receive of the whole run, warm-up and pre-fill included (the
 *                      denominator of {@code activity}), or -1 when not counted
 * @param activity      what the database did during the whole run (PostgreSQL systems), or null
 */
public record Measurement(long count, long elapsedNanos, long secondary, Histogram latency, long operations,
                          DbActivity activity) {

    Measurement(long count, long elapsedNanos, long secondary, Histogram latency) {
        this(count, elapsedNanos, secondary, latency, -1, null);
    }

    Measurement withOperations(long ops) {
        return new Measurement(count, elapsedNanos, secondary, latency, ops, activity);
    }

    Measurement withActivity(DbActivity dbActivity) {
        return new Measurement(count, elapsedNanos, secondary, latency, operations, dbActivity);
    }

    public double rate() {
        return elapsedNanos <= 0 ? 0 : count * 1e9 / elapsedNanos;
    }

    public double secondaryRate() {
        return secondary < 0 || elapsedNanos <= 0 ? -1 : secondary * 1e9 / elapsedNanos;
    }

    static Histogram newHistogram() {
        // one hour at 3 significant digits: a message stuck behind a backlog must still be recorded, not clipped
        return new Histogram(3_600_000_000_000L, 3);
    }
}
