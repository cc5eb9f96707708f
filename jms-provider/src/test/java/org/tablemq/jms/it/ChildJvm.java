package org.tablemq.jms.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A child JVM running a test main class on the test classpath, whose stdout lines are collected as they come, so
 * a test can kill it with SIGKILL at a moment of its choosing and still know every line the child wrote before it
 * died: {@link #kill()} reads the pipe to its end before it returns, and fails rather than return fewer lines.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final Path stderr;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;
    /** Set by the reader once it has read the child's stdout to its end. */
    private volatile boolean endOfOutput;
    private volatile IOException readFailure;

    private ChildJvm(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::readLines, "child-stdout-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(Class<?> mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        // a short-lived child: quick startup matters more than peak speed
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass.getName());
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile("tablemq-child-", ".err");
        Process process = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        return new ChildJvm(process, stderr);
    }

    private void readLines() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
            }
            endOfOutput = true;
        } catch (IOException e) {
            readFailure = e;
        }
    }

    List<String> lines() {
        return lines;
    }

    boolean printed(String line) {
        return lines.contains(line);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Writes one line to the child's stdin. */
    void tell(String line) throws IOException {
        var in = process.getOutputStream();
        in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        in.flush();
    }

    /** Sends a signal such as {@code STOP} or {@code CONT} to the child, through the {@code kill} command. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
        }
    }

    /** What the child wrote to stderr, for failure messages. */
    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(stderr unreadable: " + e + ")";
        }
    }

    /**
     * SIGKILL, then waits until the process is gone and every line it wrote has been read.
     * <p>
     * Through {@link ProcessHandle}, not {@link Process#destroyForcibly()}: on Linux the latter also closes this
     * side of the stdout pipe, so lines the child had written but the reader had not yet taken were lost (the
     * reader then failed with "Stream closed"), and a crash test's ledger missed the child's last sends and
     * consumptions.
     *
     * @throws IllegalStateException if the child's output could not be read to its end
     */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        process.waitFor();
        reader.join(30_000);
        if (readFailure != null) {
            throw new IllegalStateException("could not read all of the child's output", readFailure);
        }
        if (!endOfOutput) {
            throw new IllegalStateException("the child's output did not end within 30 s of its death");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        try {
            Files.deleteIfExists(stderr);
        } catch (IOException ignored) {
            // a leftover temporary file is harmless
        }
    }
}
