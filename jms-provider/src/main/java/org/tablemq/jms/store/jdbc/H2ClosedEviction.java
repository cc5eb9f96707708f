package org.tablemq.jms.store.jdbc;

import com.zaxxer.hikari.SQLExceptionOverride;
import java.lang.System.Logger.Level;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.tablemq.jms.internal.Log;

/**
 * Tells HikariCP to drop every pooled connection once H2 has closed the database under them. H2 closes an
 * embedded database after a failed file write (a full disk) and answers 90098 ("database closed") on every
 * connection still open, which HikariCP does not count as a broken connection (not an {@code 08} SQLState): it
 * kept handing the dead connections out, and the store answered 90098 until every connection of the application
 * was closed, long after space had returned. A new physical connection reopens the database (checked on 2.3.232,
 * also while other connections of the closed database are still open), so evicting them lets the store come back
 * by itself once the disk has room again.
 */
final class H2ClosedEviction implements SQLExceptionOverride {

    private static final System.Logger LOG = Log.of(H2ClosedEviction.class);
    /** While the disk stays full each reopened database closes again; one warning per interval says enough. */
    private static final long REPORT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final String poolName;
    private final Runnable evictAll;
    private final AtomicLong lastReport = new AtomicLong(System.nanoTime() - REPORT_INTERVAL_NANOS);

    /** @param evictAll marks every pooled connection for eviction (idle ones close at once, busy ones on return) */
    H2ClosedEviction(String poolName, Runnable evictAll) {
        this.poolName = poolName;
        this.evictAll = evictAll;
    }

    @java.lang.Override
    public Override adjudicate(SQLException e) {
        if (!SqlErrors.isH2DatabaseClosed(e)) {
            return Override.CONTINUE_EVICT;
        }
        long last = lastReport.get();
        long now = System.nanoTime();
        if (now - last >= REPORT_INTERVAL_NANOS && lastReport.compareAndSet(last, now)) {
            LOG.log(Level.WARNING, () -> "TMQ-2020 H2 closed the database of pool " + poolName + " (" + e.getMessage()
                    + "); dropping its pooled connections so that the next use reopens it");
        }
        evictAll.run();
        return Override.MUST_EVICT;
    }
}
