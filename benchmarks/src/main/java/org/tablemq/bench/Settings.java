package org.tablemq.bench;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How long and how hard each scenario run goes.
 *
 * @param warmup      time a run works before it starts counting (JIT, connection pools, caches)
 * @param measure     the counted window of a run
 * @param prefillMax  the most messages S3 puts in the queue before draining it
 * @param bodyBytes   size of every message body
 * @param batch       messages per transaction in the transacted scenarios
 * @param workDir     where file stores (H2, Artemis journal, KahaDB) are created and deleted again
 * @param pgBaseUrl   PostgreSQL server URL without a database name, e.g. {@code jdbc:postgresql://127.0.0.1:5432/}
 * @param pgUser      PostgreSQL user (the server is expected to trust it, as the test fixture does)
 * @param pgLogStatements whether each benchmark database logs every statement in the server log (its lines carry
 *                    the database name), to count SQL round trips per message; slows the runs down
 */
public record Settings(Duration warmup, Duration measure, int prefillMax, int bodyBytes, int batch, Path workDir,
                       String pgBaseUrl, String pgUser, boolean pgLogStatements) {

    public static final int THREADS_S5 = 4;
    public static final int THREADS_S6 = 4;

    /** S3 stops filling after this long even below {@link #prefillMax()}, so a slow store does not stall the run. */
    long prefillBudgetNanos() {
        return warmup.toNanos() + measure.toNanos();
    }

    /** S3 stops draining after this long; the rate is still messages drained over time spent. */
    long drainBudgetNanos() {
        return warmup.toNanos() + 2 * measure.toNanos();
    }
}
