package org.tablemq.bench;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The repeats of one scenario on one system folded together: throughput min/median/max over the repeats and the
 * latency percentiles of all repeats' samples merged.
 */
public record Summary(String system, Scenario scenario, int runs, int failures, double minRate, double medianRate,
                      double maxRate, double medianSecondaryRate, Histogram latency, String lastFailure,
                      DbWork dbWork) {

    /** PostgreSQL work per message operation (a send or a receive), summed over the repeats; null on files. */
    public record DbWork(long operations, double commits, double inserted, double updated, double deleted,
                         double fetched) {
    }

    static List<Summary> of(List<RunResult> results) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        for (RunResult r : results) {
            groups.computeIfAbsent(r.scenario().name() + "\u0000" + r.system(), k -> new ArrayList<>()).add(r);
        }
        List<Summary> summaries = new ArrayList<>();
        for (List<RunResult> group : groups.values()) {
            summaries.add(fold(group));
        }
        return summaries;
    }

    private static Summary fold(List<RunResult> group) {
        RunResult first = group.get(0);
        List<Measurement> ok = group.stream().filter(r -> !r.failed()).map(RunResult::measurement).toList();
        String lastFailure = group.stream().filter(RunResult::failed).map(RunResult::failure)
                .reduce((a, b) -> b).orElse(null);
        double[] rates = ok.stream().mapToDouble(Measurement::rate).sorted().toArray();
        double[] secondary = ok.stream().mapToDouble(Measurement::secondaryRate).filter(v -> v >= 0).sorted()
                .toArray();
        Histogram merged = null;
        for (Measurement m : ok) {
            if (m.latency() != null && m.latency().getTotalCount() > 0) {
                if (merged == null) {
                    merged = Measurement.newHistogram();
                }
                merged.add(m.latency());
            }
        }
        return new Summary(first.system(), first.scenario(), group.size(), group.size() - ok.size(),
                rates.length == 0 ? Double.NaN : rates[0], median(rates),
                rates.length == 0 ? Double.NaN : rates[rates.length - 1], median(secondary), merged, lastFailure,
                dbWork(ok));
    }

    private static DbWork dbWork(List<Measurement> ok) {
        long ops = 0;
        DbActivity sum = new DbActivity(0, 0, 0, 0, 0, 0);
        for (Measurement m : ok) {
            if (m.activity() != null && m.operations() > 0) {
                ops += m.operations();
                DbActivity a = m.activity();
                sum = new DbActivity(sum.commits() + a.commits(), sum.rollbacks() + a.rollbacks(),
                        sum.inserted() + a.inserted(), sum.updated() + a.updated(), sum.deleted() + a.deleted(),
                        sum.fetched() + a.fetched());
            }
        }
        if (ops == 0) {
            return null;
        }
        double n = ops;
        return new DbWork(ops, sum.commits() / n, sum.inserted() / n, sum.updated() / n, sum.deleted() / n,
                sum.fetched() / n);
    }

    static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double[] s = Arrays.copyOf(sorted, sorted.length);
        Arrays.sort(s);
        int mid = s.length / 2;
        return s.length % 2 == 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
    }

    boolean hasRate() {
        return !Double.isNaN(medianRate);
    }

    /** Latency at a percentile in milliseconds, or NaN without samples. */
    double latencyMillis(double percentile) {
        return latency == null ? Double.NaN : latency.getValueAtPercentile(percentile) / 1e6;
    }

    double maxLatencyMillis() {
        return latency == null ? Double.NaN : latency.getMaxValue() / 1e6;
    }
}
