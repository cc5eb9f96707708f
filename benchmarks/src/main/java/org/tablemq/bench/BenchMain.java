package org.tablemq.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Command line entry point. Without options it runs every scenario on every system, three interleaved repeats of
 * 1 s warm-up + 2 s measurement each (about 15 minutes on two cores); {@code --quick} is a one-repeat smoke run.
 * <pre>
 *   java -jar benchmarks/target/tablemq-benchmarks.jar [--quick] [--repeats=N] [--warmup=S] [--duration=S]
 *        [--systems=a,b] [--scenarios=S1,S6] [--prefill=N] [--out=DIR] [--work=DIR] [--pg=URL] [--pg-user=U]
 * </pre>
 */
public final class BenchMain {

    static final String USAGE = """
            options:
              --quick            one repeat, 0.5 s warm-up, 1 s measured, 1,000 pre-filled (smoke run)
              --repeats=N        interleaved repeats per scenario and system (default 3)
              --warmup=S         seconds of uncounted warm-up per run (default 1)
              --duration=S       seconds measured per run (default 2)
              --prefill=N        most messages S3 pre-fills before draining (default 10000)
              --systems=a,b      subset of: %s
              --scenarios=x,y    subset of: S1,S2,S3-tx,S3-auto,S4,S4-wake,S5,S6
              --out=DIR          report, CSV and PNG directory (default target/bench-results)
              --work=DIR         where file stores are created and deleted (default <tmp>/tablemq-bench)
              --pg=URL           PostgreSQL server URL without database (default jdbc:postgresql://127.0.0.1:5432/)
              --pg-user=USER     PostgreSQL user with CREATE DATABASE rights (default postgres)
              --pg-log-statements  log every statement of the benchmark databases in the server log (profiling)
            """;

    /** Held so the logger, and with it the level set here, is not collected. */
    private static final java.util.logging.Logger TABLEMQ_LOG = java.util.logging.Logger.getLogger("org.tablemq");

    static {
        quietLogging();
    }

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.printf(USAGE, String.join(",", Systems.NAMES));
            System.exit(2);
            return;
        }
        List<Summary> summaries = run(options, "java -jar benchmarks/target/tablemq-benchmarks.jar "
                + String.join(" ", args));
        long failed = summaries.stream().filter(s -> !s.hasRate()).count();
        System.exit(failed == 0 ? 0 : 1);
    }

    /** Runs the benchmark and writes the report; returns the summaries (also used by the smoke test). */
    static List<Summary> run(Options options, String command) throws Exception {
        Settings settings = options.settings();
        String pgUnavailable = PgDatabases.unreachableReason(settings);
        List<BenchSystem> systems = Systems.select(options.systems(), pgUnavailable);
        List<BenchSystem> runnable = new ArrayList<>();
        for (BenchSystem s : systems) {
            if (s.unavailableReason() == null) {
                runnable.add(s);
            } else {
                System.out.println("skipping " + s.name() + ": " + s.unavailableReason());
            }
        }
        double loadBefore = MachineInfo.loadAverage();
        List<String> header = new ArrayList<>(MachineInfo.describe(settings, pgUnavailable));
        header.add(String.format(Locale.ROOT, "settings: %d repeat(s) interleaved, warm-up %s, measured %s, "
                        + "S3 pre-fill up to %,d, %d-byte bodies, %d messages per transaction",
                options.repeats(), settings.warmup(), settings.measure(), settings.prefillMax(),
                settings.bodyBytes(), settings.batch()));
        List<RunResult> results = new Runner(runnable, options.scenarios(), options.repeats(), settings, System.out)
                .runAll();
        header.add(String.format(Locale.ROOT, "load average (1 min): %.2f before, %.2f after (shared machine)",
                loadBefore, MachineInfo.loadAverage()));
        List<Summary> summaries = Summary.of(results);
        List<String> plots = Plots.write(options.out(), summaries);
        new Report(header, systems, results, summaries, command).write(options.out(), plots);
        System.out.println("report: " + options.out().resolve("report.md").toAbsolutePath());
        return summaries;
    }

    /**
     * The peers log through SLF4J; their start-up chatter would drown the progress lines, and Artemis's per-message
     * audit log at INFO would slow it down. Set before any peer class creates a logger.
     */
    private static void quietLogging() {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // missing dead-letter/expiry address and store-size notices repeat on every fresh broker: not findings
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.activemq.artemis.core.server", "error");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.activemq.broker.BrokerService", "error");
        // Classic 6 re-runs its schema migration on every fresh JDBC store and logs the expected failures
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.activemq.store.jdbc", "error");
        System.setProperty("java.awt.headless", "true");
        // TableMQ logs each store open and close at INFO: one pair per run
        TABLEMQ_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    /** Parsed command line. */
    record Options(Settings settings, int repeats, List<String> systems, List<Scenario> scenarios, Path out) {

        static Options parse(String... args) {
            boolean quick = Arrays.asList(args).contains("--quick");
            double warmup = quick ? 0.5 : 1;
            double duration = quick ? 1 : 2;
            int repeats = quick ? 1 : 3;
            int prefill = quick ? 1000 : 10_000;
            List<String> systems = List.of();
            List<Scenario> scenarios = List.of(Scenario.values());
            Path out = Path.of("target", "bench-results");
            Path work = Path.of(System.getProperty("java.io.tmpdir"), "tablemq-bench");
            String pg = "jdbc:postgresql://127.0.0.1:5432/";
            String pgUser = "postgres";
            boolean pgLog = false;
            for (String arg : args) {
                if (arg.equals("--quick")) {
                    continue;
                }
                if (arg.equals("--pg-log-statements")) {
                    pgLog = true;
                    continue;
                }
                int eq = arg.indexOf('=');
                if (!arg.startsWith("--") || eq < 0) {
                    throw new IllegalArgumentException("Unrecognised argument '" + arg + "'");
                }
                String value = arg.substring(eq + 1);
                switch (arg.substring(2, eq)) {
                    case "repeats" -> repeats = positive(arg, Integer.parseInt(value));
                    case "warmup" -> warmup = Double.parseDouble(value);
                    case "duration" -> duration = positive(arg, Double.parseDouble(value));
                    case "prefill" -> prefill = positive(arg, Integer.parseInt(value));
                    case "systems" -> systems = List.of(value.split(","));
                    case "scenarios" -> scenarios = Arrays.stream(value.split(",")).map(Scenario::parse).toList();
                    case "out" -> out = Path.of(value);
                    case "work" -> work = Path.of(value);
                    case "pg" -> pg = value;
                    case "pg-user" -> pgUser = value;
                    default -> throw new IllegalArgumentException("Unknown option '" + arg + "'");
                }
            }
            Settings settings = new Settings(seconds(warmup), seconds(duration), prefill, 1024, 100, work, pg,
                    pgUser, pgLog);
            return new Options(settings, repeats, systems, scenarios, out);
        }

        private static <N extends Number> N positive(String arg, N value) {
            if (value.doubleValue() <= 0) {
                throw new IllegalArgumentException(arg + " must be positive");
            }
            return value;
        }

        private static Duration seconds(double s) {
            return Duration.ofNanos((long) (s * 1e9));
        }
    }
}
