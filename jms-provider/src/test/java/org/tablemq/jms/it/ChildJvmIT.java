package org.tablemq.jms.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash tests' bookkeeping rests on {@link ChildJvm#kill()} returning every line the child wrote before it
 * died. A child that floods its stdout keeps the pipe full of lines the parent has not read yet when it is killed;
 * none of them may be missing.
 */
class ChildJvmIT {

    @Test
    void killReturnsEveryLineTheChildWroteBeforeItDied(@TempDir Path dir) throws Exception {
        Path written = dir.resolve("written");
        List<String> lines;
        try (ChildJvm child = ChildJvm.start(FloodChild.class, written.toString())) {
            await("the child to print").atMost(Duration.ofSeconds(60))
                    .failFast(() -> {
                        if (!child.isAlive()) {
                            throw new AssertionError("child died by itself:\n" + child.stderr());
                        }
                    })
                    .until(() -> child.lines().size() >= 2_000);
            child.kill();
            lines = List.copyOf(child.lines());
        }
        long certainlyWritten = ByteBuffer.wrap(Files.readAllBytes(written)).getLong();

        assertThat(certainlyWritten).as("last number recorded by the child").isGreaterThanOrEqualTo(1_998);
        assertThat(lines).as("lines read, up to the last number the child recorded")
                .hasSizeGreaterThan((int) certainlyWritten);
        int firstWrong = 0;
        while (firstWrong < lines.size() && lines.get(firstWrong).equals(Integer.toString(firstWrong))) {
            firstWrong++;
        }
        assertThat(firstWrong).as("lines in order without gaps (first wrong line)").isEqualTo(lines.size());
    }
}
