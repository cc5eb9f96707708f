package org.tablemq.jms.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL cluster of the test's own, on a free port, that the test may stop the hard way
 * ({@code pg_ctlcluster ... stop -m immediate}: the server dies as in a crash, and recovers from its log on the next
 * start). The shared server on 5432 is never touched. Needs Debian's cluster tools and root (as CI has); without them
 * the test is skipped locally and fails with {@code CI=true}. Dropped on {@link #close()} and at JVM exit.
 */
public final class PrivatePostgres implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final String version;
    private final String name;
    private final int port;
    private boolean dropped;

    private PrivatePostgres(String version, String name, int port) {
        this.version = version;
        this.name = name;
        this.port = port;
    }

    /** Creates and starts a new cluster, trusting local connections, on a free port. */
    public static PrivatePostgres create() throws IOException, InterruptedException {
        String version = installedVersion();
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String name = "tmq_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        PrivatePostgres pg = new PrivatePostgres(version, name, port);
        Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "drop-" + name));
        pg.run("pg_createcluster", version, name, "--port", Integer.toString(port), "--",
                "--auth=trust", "--no-sync");
        pg.start();
        return pg;
    }

    public String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public String user() {
        return "postgres";
    }

    /** Starts the server and waits until it accepts connections. */
    public void start() throws IOException, InterruptedException {
        run("pg_ctlcluster", version, name, "start");
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (exec("pg_isready", "-q", "-h", "127.0.0.1", "-p", Integer.toString(port)) == 0) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IOException("PostgreSQL cluster " + name + " did not accept connections within " + START_TIMEOUT);
    }

    /** Kills the server without a shutdown checkpoint, as a crash would. */
    public void stopImmediately() throws IOException, InterruptedException {
        run("pg_ctlcluster", version, name, "stop", "-m", "immediate");
    }

    @Override
    public synchronized void close() {
        if (dropped) {
            return;
        }
        dropped = true;
        try {
            exec("pg_dropcluster", version, name, "--stop");
        } catch (IOException | InterruptedException e) {
            System.err.println("Could not drop PostgreSQL cluster " + name + ": " + e);
        }
    }

    /** The newest installed major version, or a skip (locally) / failure (CI) if the cluster tools are missing. */
    private static String installedVersion() throws IOException {
        Path conf = Path.of("/etc/postgresql");
        List<String> versions = new ArrayList<>();
        boolean tools = Files.isExecutable(Path.of("/usr/bin/pg_createcluster"));
        boolean root = "root".equals(System.getProperty("user.name"));
        if (tools && Files.isDirectory(conf)) {
            try (var list = Files.list(conf)) {
                list.map(p -> p.getFileName().toString()).filter(v -> v.matches("\\d+")).forEach(versions::add);
            }
        }
        if (versions.isEmpty() || !root) {
            String why = "a private PostgreSQL cluster needs Debian's pg_createcluster and root (tools: " + tools
                    + ", versions: " + versions + ", user: " + System.getProperty("user.name") + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(why + "; CI=true, so this fails instead of skipping");
            }
            Assumptions.abort(why);
        }
        versions.sort((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b)));
        return versions.get(versions.size() - 1);
    }

    private void run(String... command) throws IOException, InterruptedException {
        int exit = exec(command);
        if (exit != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + exit);
        }
    }

    private static int exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within 2 minutes");
        }
        return p.exitValue();
    }
}
