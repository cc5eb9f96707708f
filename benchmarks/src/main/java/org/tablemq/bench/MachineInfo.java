package org.tablemq.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The header of a report: what machine, JVM, database and peer versions the numbers came from. */
final class MachineInfo {

    private MachineInfo() {
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static List<String> describe(Settings settings, String pgUnavailable) {
        List<String> lines = new ArrayList<>();
        lines.add("date: " + Instant.now());
        lines.add("cpu: " + Runtime.getRuntime().availableProcessors() + " cores available to the JVM, "
                + cpuModel());
        lines.add("memory: " + memory() + ", JVM max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
        lines.add("os: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        lines.add("jvm: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        lines.add("store directory: " + settings.workDir() + " (" + fileSystem(settings.workDir()) + ")");
        lines.add("postgresql: " + (pgUnavailable != null ? pgUnavailable : postgres(settings)));
        lines.add("versions: H2 " + version(org.h2.engine.Constants.class) + ", ActiveMQ Artemis "
                + version(org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ.class)
                + ", ActiveMQ Classic " + version(org.apache.activemq.broker.BrokerService.class)
                + ", PostgreSQL JDBC " + version(org.postgresql.Driver.class));
        return lines;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(l -> l.startsWith("model name")).findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("model unknown");
        } catch (IOException e) {
            return "model unknown";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal")).findFirst()
                    .map(l -> l.replaceAll("\\s+", " ")).orElse("MemTotal unknown");
        } catch (IOException e) {
            return "MemTotal unknown";
        }
    }

    private static String fileSystem(Path dir) {
        try {
            Files.createDirectories(dir);
            return Files.getFileStore(dir).type();
        } catch (IOException e) {
            return "file system unknown";
        }
    }

    private static String postgres(Settings settings) {
        try (Connection c = new PgDatabases(settings).connect("postgres"); Statement s = c.createStatement()) {
            return query(s, "SHOW server_version") + " at " + settings.pgBaseUrl() + ", synchronous_commit="
                    + query(s, "SHOW synchronous_commit") + ", fsync=" + query(s, "SHOW fsync")
                    + ", wal_sync_method=" + query(s, "SHOW wal_sync_method") + ", commit_delay="
                    + query(s, "SHOW commit_delay");
        } catch (SQLException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    private static String query(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String version(Class<?> type) {
        String v = type.getPackage() == null ? null : type.getPackage().getImplementationVersion();
        if (v == null) {
            String location = String.valueOf(type.getProtectionDomain().getCodeSource().getLocation());
            v = location.replaceAll(".*/[^/]*?-(\\d[^/]*)\\.jar$", "$1");
            if (v.contains("/")) {
                v = "unknown";
            }
        }
        return v.toLowerCase(Locale.ROOT).equals("null") ? "unknown" : v;
    }
}
