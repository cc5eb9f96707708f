package org.tablemq.jms.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArrivalsTest {

    private static final long ENDPOINT = 7;
    private static final String WAITER = "arrivals-test-waiter";
    private static final long LONG_WAIT = TimeUnit.SECONDS.toNanos(30);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService waiters = Executors.newCachedThreadPool(r -> new Thread(r, WAITER));
    private final Arrivals arrivals = new Arrivals(timer);
    private final AtomicInteger woken = new AtomicInteger();

    @AfterEach
    void stop() {
        arrivals.bumpAll();
        waiters.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void oneNewMessageWakesOneOfSeveralWaiters() throws Exception {
        List<Future<Boolean>> waiting = startWaiters(3, false);

        arrivals.bump(ENDPOINT, 1);

        await().atMost(Duration.ofSeconds(5)).until(() -> woken.get() == 1);
        Thread.sleep(300);
        assertThat(woken).as("the other two keep waiting").hasValue(1);
        assertThat(waiting.stream().filter(Future::isDone).count()).isEqualTo(1);
    }

    @Test
    void asManyNewMessagesAsWaitersWakeThemAll() throws Exception {
        startWaiters(3, false);

        arrivals.bump(ENDPOINT, 2);
        await().atMost(Duration.ofSeconds(5)).until(() -> woken.get() == 2);
        arrivals.bump(ENDPOINT, 5);

        await().atMost(Duration.ofSeconds(5)).until(() -> woken.get() == 3);
    }

    @Test
    void aSelectiveWaiterMakesEveryMessageWakeEveryWaiter() throws Exception {
        startWaiters(2, false);
        startWaiters(1, true);

        arrivals.bump(ENDPOINT, 1);

        await().atMost(Duration.ofSeconds(5)).until(() -> woken.get() == 3);
    }

    @Test
    void newsOfUnknownSizeWakesEveryWaiter() throws Exception {
        startWaiters(3, false);

        arrivals.bump(ENDPOINT);

        await().atMost(Duration.ofSeconds(5)).until(() -> woken.get() == 3);
    }

    @Test
    void aWaiterThatLooksAfterTheNewsDoesNotWaitForIt() throws Exception {
        long seen = arrivals.version(ENDPOINT);
        arrivals.bump(ENDPOINT, 1);

        assertThat(arrivals.await(ENDPOINT, seen, LONG_WAIT, false)).isTrue();
    }

    private List<Future<Boolean>> startWaiters(int count, boolean selective) {
        List<Future<Boolean>> started = new ArrayList<>();
        int before = waitingCount();
        for (int i = 0; i < count; i++) {
            long seen = arrivals.version(ENDPOINT);
            started.add(waiters.submit(() -> {
                boolean changed = arrivals.await(ENDPOINT, seen, LONG_WAIT, selective);
                woken.incrementAndGet();
                return changed;
            }));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> waitingCount() == before + count);
        return started;
    }

    /** Threads of the pool blocked in {@code Object.wait}: the waiters that have not been woken. */
    private int waitingCount() {
        int n = 0;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getState() == Thread.State.TIMED_WAITING && t.getName().equals(WAITER) && isInAwait(t)) {
                n++;
            }
        }
        return n;
    }

    private static boolean isInAwait(Thread t) {
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().equals(Arrivals.class.getName()) && e.getMethodName().equals("await")) {
                return true;
            }
        }
        return false;
    }
}
