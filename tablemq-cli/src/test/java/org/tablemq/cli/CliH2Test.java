package org.tablemq.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The contract on H2, plus what only an embedded store has: one process at a time, and a file that may be missing. */
class CliH2Test extends CliContract {

    @Override
    protected CliDatabase database() {
        return CliDatabase.H2;
    }

    @Test
    void anH2StoreHeldByAnotherProcessIsRefusedWithExitCodeThreeSayingSo() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), H2Holder.class.getName(), url)
                .redirectErrorStream(true).start();
        try {
            BufferedReader said = new BufferedReader(new InputStreamReader(holder.getInputStream()));
            assertThat(said.readLine()).isEqualTo("held");

            Run run = cli("queues");

            assertThat(run.exit()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
            assertThat(run.err()).contains("in use by another process", url);
        } finally {
            holder.getOutputStream().close();
            assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aMissingH2StoreIsReportedInsteadOfCreated() {
        Run run = cli(List.of("--url=" + url + "-missing", "queues"));

        assertThat(run.exit()).isEqualTo(ExitCodes.STORE_UNAVAILABLE);
        assertThat(run.err()).contains("there is no H2 store at");
    }
}
