package org.tablemq.bench;

import org.HdrHistogram.Histogram;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** The raw JDBC counterparts of the JMS scenarios: prepared statements reused, keys assigned in memory. */
final class RawJdbcScenarios {

    private static final String INSERT = "INSERT INTO bench_message (id, body) VALUES (?, ?)";
    private static final String DELETE = "DELETE FROM bench_message WHERE id = ?";

    private final RawJdbcSystem.ConnectionSource connections;
    private final Settings settings;
    private final byte[] body;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong operations = new AtomicLong();

    RawJdbcScenarios(RawJdbcSystem.ConnectionSource connections, Settings settings) {
        this.connections = connections;
        this.settings = settings;
        this.body = new Payload(settings.bodyBytes()).raw();
    }

    /** Rows inserted and deleted so far, warm-up and pre-fill included. */
    long operations() {
        return operations.get();
    }

    Measurement run(Scenario scenario) throws Exception {
        return switch (scenario) {
            case S1 -> insert(1);
            case S2 -> insert(settings.batch());
            case S3_TX -> delete(settings.batch());
            case S3_AUTO -> delete(1);
            case S6 -> insertAndDeleteConcurrently(Settings.THREADS_S6, Settings.THREADS_S6);
            case S4, S4_WAKE, S5 -> throw new IllegalArgumentException("raw JDBC has no " + scenario.label());
        };
    }

    private Measurement insert(int rowsPerCommit) throws SQLException {
        try (Connection c = open(); PreparedStatement insert = c.prepareStatement(INSERT)) {
            Histogram latency = rowsPerCommit == 1 ? Measurement.newHistogram() : null;
            Window window = Window.startingNow(settings);
            long count = 0;
            while (true) {
                long before = System.nanoTime();
                insertRows(c, insert, rowsPerCommit);
                long after = System.nanoTime();
                if (window.over(after)) {
                    break;
                }
                if (window.counts(after)) {
                    count += rowsPerCommit;
                    if (latency != null) {
                        latency.recordValue(after - before);
                    }
                }
            }
            return new Measurement(count, window.lengthNanos(), -1, latency);
        }
    }

    private long insertRows(Connection c, PreparedStatement insert, int rows) throws SQLException {
        long last = 0;
        for (int i = 0; i < rows; i++) {
            last = ids.incrementAndGet();
            insert.setLong(1, last);
            insert.setBytes(2, body);
            if (rows == 1) {
                insert.executeUpdate();
            } else {
                insert.addBatch();
            }
        }
        if (rows > 1) {
            insert.executeBatch();
        }
        c.commit();
        operations.addAndGet(rows);
        return last;
    }

    private Measurement delete(int rowsPerCommit) throws SQLException {
        long filled = 0;
        try (Connection c = open(); PreparedStatement insert = c.prepareStatement(INSERT)) {
            long deadline = System.nanoTime() + settings.prefillBudgetNanos();
            while (filled < settings.prefillMax() && System.nanoTime() < deadline) {
                insertRows(c, insert, settings.batch());
                filled += settings.batch();
            }
        }
        try (Connection c = open(); PreparedStatement delete = c.prepareStatement(DELETE)) {
            long deadline = System.nanoTime() + settings.drainBudgetNanos();
            long start = System.nanoTime();
            long deleted = 0;
            while (deleted < filled && System.nanoTime() < deadline) {
                int rows = (int) Math.min(rowsPerCommit, filled - deleted);
                for (int i = 0; i < rows; i++) {
                    delete.setLong(1, deleted + i + 1);
                    if (rows == 1) {
                        delete.executeUpdate();
                    } else {
                        delete.addBatch();
                    }
                }
                if (rows > 1) {
                    delete.executeBatch();
                }
                c.commit();
                operations.addAndGet(rows);
                deleted += rows;
            }
            return new Measurement(deleted, System.nanoTime() - start, filled, null);
        }
    }

    /** Inserters hand committed keys to deleters through memory, as a provider's in-JVM wake-up would. */
    private Measurement insertAndDeleteConcurrently(int inserters, int deleters) throws Exception {
        Window window = Window.startingNow(settings);
        LinkedBlockingQueue<Long> committed = new LinkedBlockingQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Callable<Long>> tasks = new ArrayList<>();
        for (int i = 0; i < deleters; i++) {
            tasks.add(() -> deleteLoop(committed, window, stop));
        }
        for (int i = 0; i < inserters; i++) {
            tasks.add(() -> insertLoop(committed, window, stop));
        }
        List<Long> counts = Workers.runAll(tasks,
                settings.warmup().toNanos() + settings.measure().toNanos() * 3 + 60_000_000_000L);
        long deleted = counts.subList(0, deleters).stream().mapToLong(Long::longValue).sum();
        long inserted = counts.subList(deleters, counts.size()).stream().mapToLong(Long::longValue).sum();
        return new Measurement(deleted, window.lengthNanos(), inserted, null);
    }

    private long insertLoop(LinkedBlockingQueue<Long> committed, Window window, AtomicBoolean stop)
            throws SQLException {
        try (Connection c = open(); PreparedStatement insert = c.prepareStatement(INSERT)) {
            long count = 0;
            while (!stop.get()) {
                long id = insertRows(c, insert, 1);
                committed.add(id);
                long now = System.nanoTime();
                if (window.over(now)) {
                    break;
                }
                if (window.counts(now)) {
                    count++;
                }
            }
            return count;
        } finally {
            stop.set(true);
        }
    }

    private long deleteLoop(LinkedBlockingQueue<Long> committed, Window window, AtomicBoolean stop)
            throws SQLException, InterruptedException {
        try (Connection c = open(); PreparedStatement delete = c.prepareStatement(DELETE)) {
            long count = 0;
            while (true) {
                Long id = committed.poll(100, TimeUnit.MILLISECONDS);
                if (id == null) {
                    if (stop.get()) {
                        break;
                    }
                    continue;
                }
                delete.setLong(1, id);
                delete.executeUpdate();
                c.commit();
                operations.incrementAndGet();
                long now = System.nanoTime();
                if (window.over(now)) {
                    break;
                }
                if (window.counts(now)) {
                    count++;
                }
            }
            return count;
        }
    }

    private Connection open() throws SQLException {
        Connection c = connections.open();
        c.setAutoCommit(false);
        return c;
    }
}
