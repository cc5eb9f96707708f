package org.tablemq.bench;

/**
 * One run of one scenario on one system: its measurement, or why it failed.
 *
 * @param repeat 1-based repeat number
 */
public record RunResult(String system, Scenario scenario, int repeat, Measurement measurement, String failure) {

    public boolean failed() {
        return failure != null;
    }
}
