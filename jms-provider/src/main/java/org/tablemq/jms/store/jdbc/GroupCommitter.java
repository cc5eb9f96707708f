package org.tablemq.jms.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.tablemq.jms.store.ClaimLostException;
import org.tablemq.jms.store.DestinationNotFoundException;
import org.tablemq.jms.store.StoreException;
import org.tablemq.jms.store.jdbc.CommitMarkers.Marker;

/**
 * Leader-follower group commit: concurrent callers queue their work; whoever finds no batch running becomes the
 * leader, takes everything queued (up to a bound) and runs it in one database transaction, while the others wait.
 * Each caller returns only once the transaction holding its work committed (and, with {@code afterCommit},
 * once that step ran too). A batch that fails for a reason that belongs to one caller (a claim it lost, a
 * destination deleted under it) is rolled back and each work is run again alone, so every caller gets its own
 * answer; any other failure (database down, disk full) is every caller's answer. A batch that {@code oneStatement}
 * says issues a single statement runs in auto-commit mode, saving the COMMIT round trip.
 *
 * @param <T> one caller's work
 */
final class GroupCommitter<T> {

    /**
     * Writes a whole batch inside the transaction. {@code marker} is the batch's commit marker, or null; the writer
     * writes it itself only in a one-statement batch (in a transaction the store adds it).
     */
    @FunctionalInterface
    interface BatchWriter<T> {
        void write(Connection c, List<T> batch, Marker marker) throws SQLException, StoreException;
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
    private final Function<List<T>, String> what;
    private final int maxBatch;
    private final BatchWriter<T> writer;
    private final AfterCommit<T> afterCommit;
    private final Predicate<List<T>> oneStatement;
    private final CommitMarkers markers;
    private final Predicate<List<T>> needsMarker;
    private ToLongFunction<T> weight = work -> 0;
    private long maxBatchWeight = Long.MAX_VALUE;
    private final ArrayDeque<Pending<T>> queue = new ArrayDeque<>();
    private boolean leading;

    GroupCommitter(Jdbc jdbc, String what, int maxBatch, BatchWriter<T> writer, AfterCommit<T> afterCommit) {
        this(jdbc, batch -> what, maxBatch, writer, afterCommit, batch -> false, null, batch -> false);
    }

    /**
     * @param what        names what a batch does, for errors ("send messages")
     * @param needsMarker whether a batch must know its outcome for sure when its commit breaks (sends and
     *                    transactions: it then carries a marker from {@code markers}; see {@link CommitMarkers})
     */
    GroupCommitter(Jdbc jdbc, Function<List<T>, String> what, int maxBatch, BatchWriter<T> writer,
                   AfterCommit<T> afterCommit, Predicate<List<T>> oneStatement, CommitMarkers markers,
                   Predicate<List<T>> needsMarker) {
        this.jdbc = jdbc;
        this.what = what;
        this.maxBatch = maxBatch;
        this.writer = writer;
        this.afterCommit = afterCommit;
        this.oneStatement = oneStatement;
        this.markers = markers;
        this.needsMarker = needsMarker;
    }

    /**
     * Also bounds a batch by the summed weight of its works (e.g. payload bytes: on H2 a commit's chunk is built in
     * memory, so 256 sends of 4 MB together would need a gigabyte). A work heavier than the bound still runs, alone.
     * Call before the first submit.
     */
    GroupCommitter<T> boundedBy(ToLongFunction<T> weight, long maxBatchWeight) {
        this.weight = weight;
        this.maxBatchWeight = maxBatchWeight;
        return this;
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
            long batchWeight = 0;
            while (!queue.isEmpty() && batch.size() < maxBatch) {
                long next = weight.applyAsLong(queue.peek().work);
                if (!batch.isEmpty() && batchWeight + next > maxBatchWeight) {
                    break;
                }
                batchWeight += next;
                batch.add(queue.poll());
            }
        }
        StoreException failure = run(works(batch));
        List<StoreException> failures = new ArrayList<>(batch.size());
        if (batch.size() > 1 && belongsToOneCaller(failure)) {
            for (Pending<T> p : batch) {
                failures.add(run(List.of(p.work)));
            }
        } else {
            batch.forEach(p -> failures.add(failure));
        }
        synchronized (this) {
            for (int i = 0; i < batch.size(); i++) {
                Pending<T> p = batch.get(i);
                p.failure = failures.get(i);
                p.done = true;
            }
            if (mine.done) {
                leading = false;     // the next waiter with work left takes over
            }
            notifyAll();
            return mine.done;
        }
    }

    private static boolean belongsToOneCaller(StoreException failure) {
        return failure instanceof ClaimLostException || failure instanceof DestinationNotFoundException;
    }

    private static <T> List<T> works(List<Pending<T>> batch) {
        List<T> works = new ArrayList<>(batch.size());
        batch.forEach(p -> works.add(p.work));
        return works;
    }

    private StoreException run(List<T> works) {
        Marker marker = needsMarker.test(works) ? markers.next() : null;
        Jdbc.Work<Void> write = c -> {
            writer.write(c, works, marker);
            return null;
        };
        try {
            if (oneStatement.test(works)) {
                jdbc.oneStatement(what.apply(works), marker, write);
            } else {
                jdbc.inTransaction(what.apply(works), marker, write);
            }
            afterCommit.run(works);
            return null;
        } catch (StoreException e) {
            return e;
        } catch (RuntimeException | Error e) {
            // whatever happens, every waiting caller must be released with an answer
            return new StoreException("Cannot " + what.apply(works) + ": " + e, e);
        }
    }
}
