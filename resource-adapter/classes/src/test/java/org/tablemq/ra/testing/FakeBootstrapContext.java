package org.tablemq.ra.testing;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.XATerminator;
import jakarta.resource.spi.work.ExecutionContext;
import jakarta.resource.spi.work.Work;
import jakarta.resource.spi.work.WorkContext;
import jakarta.resource.spi.work.WorkListener;
import jakarta.resource.spi.work.WorkManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Timer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The server's side of the adapter's bootstrap: a WorkManager on a thread pool, and nothing else. */
public final class FakeBootstrapContext implements BootstrapContext, AutoCloseable {

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final AtomicInteger scheduled = new AtomicInteger();
    private final WorkManager workManager = new WorkManager() {
        @Override
        public void doWork(Work work) {
            work.run();
        }

        @Override
        public void doWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
            work.run();
        }

        @Override
        public long startWork(Work work) {
            scheduleWork(work);
            return 0;
        }

        @Override
        public long startWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
            scheduleWork(work);
            return 0;
        }

        @Override
        public void scheduleWork(Work work) {
            scheduled.incrementAndGet();
            threads.execute(work);
        }

        @Override
        public void scheduleWork(Work work, long startTimeout, ExecutionContext context, WorkListener listener) {
            scheduleWork(work);
        }
    };

    /** How many Work instances the adapter scheduled. */
    public int scheduledWork() {
        return scheduled.get();
    }

    @Override
    public WorkManager getWorkManager() {
        return workManager;
    }

    @Override
    public XATerminator getXATerminator() {
        return null;
    }

    @Override
    public Timer createTimer() {
        return new Timer(true);
    }

    @Override
    public boolean isContextSupported(Class<? extends WorkContext> type) {
        return false;
    }

    @Override
    public TransactionSynchronizationRegistry getTransactionSynchronizationRegistry() {
        return null;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
