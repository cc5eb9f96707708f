package org.tablemq.bench;

import org.HdrHistogram.Histogram;

/**
 * What one run of one scenario on one system counted.
 *
 * @param count         operations completed inside the measured window (messages, deliveries or round trips)
 * @param elapsedNanos  length of the measured window
 * @param secondary     a second count where the scenario has one (messages sent in S4/S6/S5), else -1
 * @param latency       latency histogram in nanoseconds, or null when the scenario records none
 */
public record Measurement(long count, long elapsedNanos, long secondary, Histogram latency) {

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
