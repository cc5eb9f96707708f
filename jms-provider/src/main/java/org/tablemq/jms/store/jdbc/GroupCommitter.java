package org.tablemq.jms.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.tablemq.jms.store.StoreException;

/**
 * Leader-follower group commit: concurrent callers queue their work; whoever finds no batch running becomes the
 * leader, takes everything queued (up to a bound) and runs it in one database transaction, while the others wait.
 * Each caller returns only once the transaction holding its work committed (and, with {@code afterCommit},
 * once that step ran too); if it failed, every caller in the batch gets the failure.
 *
 * @param <T> one caller's work
 */
final class GroupCommitter<T> {

    /** Writes a whole batch inside the transaction. */
    @FunctionalInterface
    interface BatchWriter<T> {
        void write(Connection c, List<T> batch) throws SQLException, StoreException;
    }

    /** Runs after the commit, before the callers return (e.g. forcing H2 to disk, waking consumers). */
    @FunctionalInterface
    interface AfterCommit<T> {
        void run(List<T> batch) throws StoreException;
    }

    private static final class Pending<T> {
        final T work;
        boolean done;
        StoreException failure;

        Pending(T work) {
            this.work = work;
        }

        boolean isDone(Object lock) {
            synchronized (lock) {
                return done;
            }
        }
    }

    private final Jdbc jdbc;
    private final String what;
    private final int maxBatch;
    private final BatchWriter<T> writer;
    private final AfterCommit<T> afterCommit;
    private final ArrayDeque<Pending<T>> queue = new ArrayDeque<>();
    private boolean leading;

    GroupCommitter(Jdbc jdbc, String what, int maxBatch, BatchWriter<T> writer, AfterCommit<T> afterCommit) {
        this.jdbc = jdbc;
        this.what = what;
        this.maxBatch = maxBatch;
        this.writer = writer;
        this.afterCommit = afterCommit;
    }

    void submit(T work) throws StoreException {
        Pending<T> mine = new Pending<>(work);
        boolean interrupted = false;
        synchronized (this) {
            queue.add(mine);
            while (!mine.done && leading) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    // the work is queued and a leader will commit it: keep waiting, restore the flag afterwards
                    interrupted = true;
                }
            }
            if (!mine.done) {
                leading = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        boolean done = mine.isDone(this);
        while (!done) {
            done = lead(mine);
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** Commits one batch from the head of the queue; returns whether the leader's own work is done. */
    private boolean lead(Pending<T> mine) {
        List<Pending<T>> batch = new ArrayList<>();
        synchronized (this) {
            while (!queue.isEmpty() && batch.size() < maxBatch) {
                batch.add(queue.poll());
            }
        }
        StoreException failure = run(batch);
        synchronized (this) {
            for (Pending<T> p : batch) {
                p.failure = failure;
                p.done = true;
            }
            if (mine.done) {
                leading = false;     // the next waiter with work left takes over
            }
            notifyAll();
            return mine.done;
        }
    }

    private StoreException run(List<Pending<T>> batch) {
        List<T> works = new ArrayList<>(batch.size());
        batch.forEach(p -> works.add(p.work));
        try {
            jdbc.inTransaction(what, c -> {
                writer.write(c, works);
                return null;
            });
            afterCommit.run(works);
            return null;
        } catch (StoreException e) {
            return e;
        } catch (RuntimeException | Error e) {
            // whatever happens, every waiting caller must be released with an answer
            return new StoreException("Cannot " + what + ": " + e, e);
        }
    }
}
