package org.tablemq.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes the Markdown report and the CSV files (one row per run, one per system and scenario). */
final class Report {

    private final List<String> header;
    private final List<BenchSystem> systems;
    private final List<RunResult> results;
    private final List<Summary> summaries;
    private final String command;

    Report(List<String> header, List<BenchSystem> systems, List<RunResult> results, List<Summary> summaries,
           String command) {
        this.header = header;
        this.systems = systems;
        this.results = results;
        this.summaries = summaries;
        this.command = command;
    }

    void write(Path dir, List<String> plots) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("runs.csv"), runsCsv(), StandardCharsets.UTF_8);
        Files.write(dir.resolve("summary.csv"), summaryCsv(), StandardCharsets.UTF_8);
        Files.write(dir.resolve("report.md"), markdown(plots), StandardCharsets.UTF_8);
    }

    List<String> markdown(List<String> plots) {
        List<String> md = new ArrayList<>();
        md.add("## Run");
        md.add("");
        md.add("Command: `" + command + "`");
        md.add("");
        header.forEach(l -> md.add("- " + l));
        md.add("");
        md.add("## Durability of each system");
        md.add("");
        md.add("| system | what a returned send/commit guarantees | ran |");
        md.add("|---|---|---|");
        for (BenchSystem s : systems) {
            String reason = s.unavailableReason();
            md.add("| " + s.name() + " | " + s.durability() + " | " + (reason == null ? "yes" : "no: " + reason)
                    + " |");
        }
        md.add("");
        md.add("## Results (persistent 1 KiB messages; rate = median of the repeats, [min–max])");
        for (Scenario scenario : Scenario.values()) {
            List<Summary> rows = summaries.stream().filter(s -> s.scenario() == scenario).toList();
            if (rows.isEmpty()) {
                continue;
            }
            md.add("");
            md.add("### " + scenario.label() + ": " + scenario.description());
            md.add("");
            if (scenario.latencyOf() != null) {
                md.add("Latency measured: " + scenario.latencyOf() + ".");
                md.add("");
            }
            md.add("| system | " + scenario.unit() + " median | min | max | " + secondaryLabel(scenario)
                    + " | p50 ms | p99 ms | p99.9 ms | max ms | runs |");
            md.add("|---|--:|--:|--:|--:|--:|--:|--:|--:|---|");
            for (Summary s : rows) {
                md.add("| " + s.system() + " | " + rate(s.medianRate()) + " | " + rate(s.minRate()) + " | "
                        + rate(s.maxRate()) + " | " + rate(s.medianSecondaryRate()) + " | "
                        + ms(s.latencyMillis(50)) + " | " + ms(s.latencyMillis(99)) + " | "
                        + ms(s.latencyMillis(99.9)) + " | " + ms(s.maxLatencyMillis()) + " | " + runs(s) + " |");
            }
        }
        md.add("");
        md.add("## Targets (medians of this run)");
        md.add("");
        md.addAll(new Targets(summaries).markdown());
        List<Summary> withWork = summaries.stream().filter(s -> s.dbWork() != null).toList();
        if (!withWork.isEmpty()) {
            md.add("");
            md.add("## PostgreSQL work per message operation");
            md.add("");
            md.add("Counters of `pg_stat_database` for the run's own database over the whole run (store creation, "
                    + "warm-up and pre-fill included), divided by every send and receive the client made. "
                    + "A commit per operation of 1.0 means no batching; S2 and S3-tx can reach 0.01.");
            md.add("");
            md.add("| scenario | system | operations | commits/op | rows inserted/op | rows updated/op | "
                    + "rows deleted/op | rows fetched/op |");
            md.add("|---|---|--:|--:|--:|--:|--:|--:|");
            for (Summary s : withWork) {
                Summary.DbWork w = s.dbWork();
                md.add(String.format(Locale.ROOT, "| %s | %s | %,d | %.3f | %.3f | %.3f | %.3f | %.3f |",
                        s.scenario().label(), s.system(), w.operations(), w.commits(), w.inserted(), w.updated(),
                        w.deleted(), w.fetched()));
            }
        }
        List<String> failures = results.stream().filter(RunResult::failed)
                .map(r -> "- " + r.scenario().label() + " on " + r.system() + " (repeat " + r.repeat() + "): "
                        + r.failure()).toList();
        if (!failures.isEmpty()) {
            md.add("");
            md.add("## Failed runs");
            md.add("");
            md.addAll(failures);
        }
        if (!plots.isEmpty()) {
            md.add("");
            md.add("## Plots");
            md.add("");
            plots.forEach(p -> md.add("![" + p + "](" + p + ")"));
        }
        return md;
    }

    private static String secondaryLabel(Scenario scenario) {
        return switch (scenario) {
            case S3_TX, S3_AUTO -> "pre-filled";
            case S4, S5, S6 -> "sent/s";
            default -> "–";
        };
    }

    private static String runs(Summary s) {
        return s.failures() == 0 ? String.valueOf(s.runs()) : s.runs() + " (" + s.failures() + " failed)";
    }

    private List<String> runsCsv() {
        List<String> csv = new ArrayList<>();
        csv.add("system,scenario,repeat,count,elapsed_s,rate,secondary,p50_ms,p99_ms,p999_ms,max_ms,operations,"
                + "db_commits,db_inserted,db_updated,db_deleted,db_fetched,failure");
        for (RunResult r : results) {
            Measurement m = r.measurement();
            if (m == null) {
                csv.add(String.join(",", r.system(), r.scenario().label(), String.valueOf(r.repeat()),
                        "", "", "", "", "", "", "", "", "", "", "", "", "", "", quote(r.failure())));
                continue;
            }
            boolean lat = m.latency() != null && m.latency().getTotalCount() > 0;
            csv.add(String.join(",", r.system(), r.scenario().label(), String.valueOf(r.repeat()),
                    String.valueOf(m.count()), num(m.elapsedNanos() / 1e9), num(m.rate()),
                    m.secondary() < 0 ? "" : String.valueOf(m.secondary()),
                    lat ? num(m.latency().getValueAtPercentile(50) / 1e6) : "",
                    lat ? num(m.latency().getValueAtPercentile(99) / 1e6) : "",
                    lat ? num(m.latency().getValueAtPercentile(99.9) / 1e6) : "",
                    lat ? num(m.latency().getMaxValue() / 1e6) : "",
                    m.operations() < 0 ? "" : String.valueOf(m.operations()), activity(m.activity()), ""));
        }
        return csv;
    }

    private List<String> summaryCsv() {
        List<String> csv = new ArrayList<>();
        csv.add("scenario,system,runs,failures,median_rate,min_rate,max_rate,median_secondary_rate,p50_ms,p99_ms,"
                + "p999_ms,max_ms");
        for (Summary s : summaries) {
            csv.add(String.join(",", s.scenario().label(), s.system(), String.valueOf(s.runs()),
                    String.valueOf(s.failures()), num(s.medianRate()), num(s.minRate()), num(s.maxRate()),
                    num(s.medianSecondaryRate()), num(s.latencyMillis(50)), num(s.latencyMillis(99)),
                    num(s.latencyMillis(99.9)), num(s.maxLatencyMillis())));
        }
        return csv;
    }

    private static String activity(DbActivity a) {
        return a == null ? ",,,," : a.commits() + "," + a.inserted() + "," + a.updated() + "," + a.deleted() + ","
                + a.fetched();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "'") + "\"";
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String rate(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String ms(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
