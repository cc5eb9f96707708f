package org.tablemq.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs every scenario on every system, repeat by repeat, interleaving the systems (A B C, A B C, …) so that drift
 * on a shared machine spreads over all of them instead of penalising whoever ran last. A failing run is recorded
 * with its reason and the run goes on.
 */
final class Runner {

    private final List<BenchSystem> systems;
    private final List<Scenario> scenarios;
    private final int repeats;
    private final Settings settings;
    private final PrintStream progress;

    Runner(List<BenchSystem> systems, List<Scenario> scenarios, int repeats, Settings settings, PrintStream progress) {
        this.systems = systems;
        this.scenarios = scenarios;
        this.repeats = repeats;
        this.settings = settings;
        this.progress = progress;
    }

    List<RunResult> runAll() {
        List<RunResult> results = new ArrayList<>();
        for (int repeat = 1; repeat <= repeats; repeat++) {
            for (Scenario scenario : scenarios) {
                for (BenchSystem system : systems) {
                    if (system.supports(scenario)) {
                        results.add(runOne(system, scenario, repeat));
                    }
                }
            }
        }
        return results;
    }

    private RunResult runOne(BenchSystem system, Scenario scenario, int repeat) {
        long start = System.nanoTime();
        RunResult result;
        try {
            result = new RunResult(system.name(), scenario, repeat, system.run(scenario, settings), null);
        } catch (Exception | Error e) {
            if (e instanceof VirtualMachineError vme && !(e instanceof OutOfMemoryError)) {
                throw vme;
            }
            result = new RunResult(system.name(), scenario, repeat, null, describe(e));
        }
        progress.println(line(result, (System.nanoTime() - start) / 1_000_000));
        return result;
    }

    private static String line(RunResult r, long wallMillis) {
        String what = r.failed()
                ? "FAILED: " + r.failure()
                : String.format(Locale.ROOT, "%,.0f %s", r.measurement().rate(), r.scenario().unit())
                        + (r.measurement().latency() == null ? ""
                        : String.format(Locale.ROOT, ", p50 %.3f ms, p99 %.3f ms",
                                r.measurement().latency().getValueAtPercentile(50) / 1e6,
                                r.measurement().latency().getValueAtPercentile(99) / 1e6));
        return String.format(Locale.ROOT, "[%d] %-8s %-16s %s  (%d ms)", r.repeat(), r.scenario().label(),
                r.system(), what, wallMillis);
    }

    static String describe(Throwable e) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = e; t != null && text.length() < 400; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return text.toString().replace('\n', ' ').replace('|', '/');
    }
}
