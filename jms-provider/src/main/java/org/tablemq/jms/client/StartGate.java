package org.tablemq.jms.client;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A connection's started/stopped state that consumers wait on: a stopped connection delivers nothing, and
 * receive() blocks until it starts (or its timeout ends).
 */
final class StartGate {

    private boolean started;

    synchronized void open() {
        started = true;
        notifyAll();
    }

    synchronized void shut() {
        started = false;
    }

    synchronized boolean isOpen() {
        return started;
    }

    /** Wakes waiters so they notice a close. */
    synchronized void wakeAll() {
        notifyAll();
    }

    /**
     * Waits once for a start (or a {@link #wakeAll}), at most {@code nanos}; negative means no limit. Callers loop
     * and re-check their own state, since a wake-up may mean "closed".
     *
     * @param leaving whether the caller gave up waiting (closed, cancelled); checked under this gate's monitor, so
     *                a caller that sets its flag and then calls {@link #wakeAll} is never missed
     * @return whether the connection is started
     */
    synchronized boolean awaitOpen(long nanos, BooleanSupplier leaving) throws InterruptedException {
        if (!started && !leaving.getAsBoolean()) {
            if (nanos < 0) {
                wait();
            } else if (nanos > 0) {
                TimeUnit.NANOSECONDS.timedWait(this, nanos);
            }
        }
        return started;
    }
}
