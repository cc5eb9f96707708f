package org.tablemq.jms.store.jdbc;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.tablemq.jms.store.ArrivalSignal;

/**
 * The store's {@link ArrivalSignal}: one version counter and monitor per endpoint. Local commits bump it at
 * once; the {@link Notifier} bumps it for other nodes' messages; a message with a delivery time bumps it when
 * that time comes (scheduled on the store's timer).
 */
final class Arrivals implements ArrivalSignal {

    private static final class Slot {
        long version;
        int waiters;
        int selectiveWaiters;
    }

    private final ConcurrentHashMap<Long, Slot> slots = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    Arrivals(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    @Override
    public long version(long endpointId) {
        Slot slot = slot(endpointId);
        synchronized (slot) {
            return slot.version;
        }
    }

    @Override
    public boolean await(long endpointId, long seenVersion, long timeoutNanos, boolean selective)
            throws InterruptedException {
        Slot slot = slot(endpointId);
        long deadline = System.nanoTime() + timeoutNanos;
        synchronized (slot) {
            slot.waiters++;
            if (selective) {
                slot.selectiveWaiters++;
            }
            try {
                while (slot.version == seenVersion) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(slot, left);
                }
                return true;
            } finally {
                slot.waiters--;
                if (selective) {
                    slot.selectiveWaiters--;
                }
            }
        }
    }

    @Override
    public void wakeAll(long endpointId) {
        bump(endpointId);
    }

    /** Something may have become deliverable on the endpoint now: wakes every waiter. */
    void bump(long endpointId) {
        bump(endpointId, Touched.UNKNOWN);
    }

    /**
     * {@code messages} messages became deliverable on the endpoint now: wakes that many waiters, or every waiter
     * if one of them is selective. Waiters not woken see the new version when they next look.
     */
    void bump(long endpointId, int messages) {
        Slot slot = slot(endpointId);
        synchronized (slot) {
            slot.version++;
            if (messages >= slot.waiters || slot.selectiveWaiters > 0) {
                slot.notifyAll();
            } else {
                for (int i = 0; i < messages; i++) {
                    slot.notify();
                }
            }
        }
    }

    /** Something becomes deliverable on the endpoint at {@code epochMillis} (0 or past: now). */
    void bumpAt(long endpointId, long epochMillis) {
        long delay = epochMillis - System.currentTimeMillis();
        if (delay < 0) {
            bump(endpointId);
            return;
        }
        try {
            // the timer runs on nanoTime and may fire a little early by the wall clock the claim compares with:
            // then it tries again, so the consumer never wakes to find the message still not deliverable
            timer.schedule(() -> bumpAt(endpointId, epochMillis), delay + 1, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            bump(endpointId);
        }
    }

    /** Wakes every waiter of every endpoint (news whose endpoint is unknown, e.g. expired leases elsewhere). */
    void bumpAll() {
        for (Long endpointId : slots.keySet()) {
            bump(endpointId);
        }
    }

    /** Whether any consumer is waiting, so the poller can rest when nobody is. */
    boolean hasWaiters() {
        for (Slot slot : slots.values()) {
            synchronized (slot) {
                if (slot.waiters > 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private Slot slot(long endpointId) {
        return slots.computeIfAbsent(endpointId, id -> new Slot());
    }
}
