package org.tablemq.jms.store.jdbc;

import java.lang.System.Logger.Level;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tablemq.jms.internal.Log;
import org.tablemq.jms.store.StoreException;

/**
 * H2 without {@code h2Sync}: forces the database file to disk five times a second, which is what makes the short
 * chunk retention the store sets ({@link H2Dialect#SYNCED_RETENTION_MILLIS}) safe.
 * <p>
 * Why: H2 writes every commit as a new chunk and by default keeps chunks it no longer needs for 45 s, so that a
 * chunk is never overwritten before the OS has flushed the chunks written after it (else a power loss could leave
 * a damaged file rather than only lose the last commits). Under load the file thus held 45 s of commits, gigabytes
 * at thousands of messages per second, and commits slowed down as it grew (measured on a 1 KiB insert+delete loop:
 * 4.2 GB and 8k to 4k operations/s after 30 s with 45 s; 0.3 GB and 10k/s with 1 s). Forcing the file every
 * {@value #PERIOD_MILLIS} ms keeps what H2 assumes true with a 1 s retention, and bounds what a power loss can take
 * to the last fraction of a second. A killed JVM loses nothing either way. Like the store's {@code WRITE_DELAY=0},
 * {@code CHECKPOINT SYNC} needs an H2 user with admin rights.
 * <p>
 * The flusher has a thread of its own, so a slow disk sync never delays the store's timer (delayed messages,
 * leases).
 */
final class H2Flusher {

    private static final System.Logger LOG = Log.of(H2Flusher.class);
    static final long PERIOD_MILLIS = 200;

    /** Forces what was committed to the disk. */
    @FunctionalInterface
    interface Force {
        void run() throws StoreException;
    }

    private final Force force;
    private final ScheduledExecutorService thread;
    private volatile boolean failing;

    H2Flusher(Force force, String nodeId) {
        this.force = force;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tablemq-h2-flush-" + nodeId);
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        thread.scheduleWithFixedDelay(this::forceQuietly, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Stops forcing, waiting for a force under way, before the store closes its connections. */
    void stop() {
        thread.shutdown();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void forceQuietly() {
        try {
            force.run();
            if (failing) {
                failing = false;
                LOG.log(Level.INFO, "TMQ-2008 Forcing the H2 file to disk works again");
            }
        } catch (StoreException | RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, () -> "TMQ-2009 Cannot force the H2 file to disk; retrying every "
                        + PERIOD_MILLIS + " ms: " + e.getMessage(), e);
            }
        }
    }
}
