package org.tablemq.jms.xa;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A child JVM on the test classpath whose stdout lines are collected, killed with SIGKILL when the test says. */
final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final Path stderr;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private ChildProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(this::read, "xa-child-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static ChildProcess start(List<String> jvmOptions, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        Path err = Files.createTempFile("tablemq-xa-child-", ".err");
        return new ChildProcess(new ProcessBuilder(command).redirectError(err.toFile()).start(), err);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            lines.add("IO-ERROR " + e);
        }
    }

    List<String> lines() {
        return lines;
    }

    boolean printed(String prefix) {
        return lines.stream().anyMatch(l -> l.startsWith(prefix));
    }

    /** Fails fast with the child's stderr if it died on its own. */
    void checkAlive() {
        if (!process.isAlive()) {
            throw new AssertionError("the child JVM died by itself (exit " + process.exitValue() + "):\n" + stderr());
        }
    }

    String stderr() {
        try {
            return Files.readString(stderr);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** SIGKILL: no shutdown hook, no finally block, nothing flushed or closed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            kill();
        }
        Files.deleteIfExists(stderr);
    }
}
