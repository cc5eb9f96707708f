package org.tablemq.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The targets of the benchmark issue, checked against one run's medians: every ratio compares systems measured in
 * the same run on the same machine. A target whose systems did not run is listed as not measured.
 */
final class Targets {

    private final List<Summary> summaries;

    Targets(List<Summary> summaries) {
        this.summaries = summaries;
    }

    List<String> markdown() {
        List<String> md = new ArrayList<>();
        md.add("| target | measured | required | met |");
        md.add("|---|--:|--:|---|");
        ratio(md, "PostgreSQL S1 vs raw single-row commits", "tablemq-pg", Scenario.S1, "raw-jdbc-pg", Scenario.S1,
                0.8);
        ratio(md, "PostgreSQL S2 vs raw 100-row commits", "tablemq-pg", Scenario.S2, "raw-jdbc-pg", Scenario.S2, 0.6);
        ratio(md, "PostgreSQL S3-tx vs raw 100-row deletes", "tablemq-pg", Scenario.S3_TX, "raw-jdbc-pg",
                Scenario.S3_TX, 0.6);
        ratio(md, "PostgreSQL S6 vs its own S1 (group commit)", "tablemq-pg", Scenario.S6, "tablemq-pg",
                Scenario.S1, 2);
        for (Scenario s : Scenario.values()) {
            if (s != Scenario.S4_WAKE) {
                ratio(md, "PostgreSQL " + s.label() + " vs Classic JDBC", "tablemq-pg", s, "classic-jdbc-pg", s, 1.5);
                ratio(md, "PostgreSQL " + s.label() + " vs Artemis JDBC", "tablemq-pg", s, "artemis-jdbc-pg", s, 3);
            }
        }
        ratio(md, "H2 sync S2 vs Artemis NIO S2", "tablemq-h2-sync", Scenario.S2, "artemis-nio", Scenario.S2, 1);
        ratio(md, "H2 sync S6 vs Artemis NIO S6", "tablemq-h2-sync", Scenario.S6, "artemis-nio", Scenario.S6, 1);
        latency(md, "H2 S4 p99 send→receive at full speed", "tablemq-h2", Scenario.S4, 99, 2);
        latency(md, "H2 idle consumer wake-up p50", "tablemq-h2", Scenario.S4_WAKE, 50, 1);
        for (String system : List.of("tablemq-h2", "tablemq-h2-sync", "tablemq-pg")) {
            ratio(md, system + " S5 deliveries vs its S1", system, Scenario.S5, system, Scenario.S1, 2);
        }
        return md;
    }

    private void ratio(List<String> md, String what, String system, Scenario scenario, String baseSystem,
                       Scenario baseScenario, double required) {
        Optional<Summary> a = find(system, scenario);
        Optional<Summary> b = find(baseSystem, baseScenario);
        if (a.isEmpty() || b.isEmpty()) {
            md.add("| " + what + " | not measured | ≥ " + fmt(required) + "× | – |");
            return;
        }
        double ratio = a.get().medianRate() / b.get().medianRate();
        md.add(String.format(Locale.ROOT, "| %s | %s× (%,.0f / %,.0f) | ≥ %s× | %s |", what, fmt(ratio),
                a.get().medianRate(), b.get().medianRate(), fmt(required), ratio >= required ? "yes" : "**no**"));
    }

    private void latency(List<String> md, String what, String system, Scenario scenario, double percentile,
                         double maxMillis) {
        Optional<Summary> s = find(system, scenario).filter(x -> x.latency() != null);
        if (s.isEmpty()) {
            md.add("| " + what + " | not measured | ≤ " + fmt(maxMillis) + " ms | – |");
            return;
        }
        double v = s.get().latencyMillis(percentile);
        md.add(String.format(Locale.ROOT, "| %s | %.3f ms | ≤ %s ms | %s |", what, v, fmt(maxMillis),
                v <= maxMillis ? "yes" : "**no**"));
    }

    private Optional<Summary> find(String system, Scenario scenario) {
        return summaries.stream().filter(s -> s.system().equals(system) && s.scenario() == scenario && s.hasRate()
                && s.medianRate() > 0).findFirst();
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, v >= 10 ? "%.0f" : "%.2f", v);
    }
}
