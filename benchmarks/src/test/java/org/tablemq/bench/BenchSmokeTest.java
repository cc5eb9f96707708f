package org.tablemq.bench;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A smoke run of a few hundred messages through the whole harness (scenario, summary, report, plots) for TableMQ on
 * H2 and for one peer, so that a broken harness shows up in {@code mvn verify} and not on benchmark day.
 */
class BenchSmokeTest {

    @ParameterizedTest
    @ValueSource(strings = {"tablemq-h2", "artemis-nio"})
    void smokeRunProducesAPositiveRateForEveryScenarioRun(String system) throws Exception {
        Path out = Path.of("target", "smoke-results", system);
        BenchMain.Options options = BenchMain.Options.parse("--systems=" + system, "--scenarios=S1,S2",
                "--repeats=1", "--warmup=0", "--duration=2", "--prefill=200", "--out=" + out,
                "--work=" + Path.of("target", "smoke-work"));

        List<Summary> summaries = BenchMain.run(options, "smoke test");

        assertThat(summaries).hasSize(2).allSatisfy(s -> {
            assertThat(s.system()).isEqualTo(system);
            assertThat(s.failures()).as("failed runs of %s: %s", s.scenario(), s.lastFailure()).isZero();
            assertThat(s.medianRate()).isPositive();
        });
        assertThat(Files.readString(out.resolve("report.md"))).contains("| " + system + " |");
        assertThat(out.resolve("summary.csv")).exists();
        assertThat(out.resolve("throughput-s1.png")).isNotEmptyFile();
    }
}
