package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.tablemq.jms.store.ArrivalSignal;
import org.tablemq.jms.store.Endpoint;
import org.tablemq.jms.store.MessageStore;
import org.tablemq.jms.store.StoredMessage;
import org.tablemq.jms.tx.RedeliveryPolicy;
import org.tablemq.jms.tx.StoreGateway;

/**
 * A consumer closed (or a listener cancelled) from another thread at any moment of its wait loop stops waiting:
 * the close or cancel that lands between the loop's "am I leaving?" check and its wait must not be lost. Each test
 * makes it land exactly there, on an empty queue, with no other news coming.
 */
class ConsumerBufferLeavingTest {

    private static final Endpoint ENDPOINT = new Endpoint(7, "queue 'q'");

    @Test
    void aCancelThatLandsWhileTheConsumerLooksForMessagesEndsItsWait() throws Exception {
        AtomicBoolean cancelled = new AtomicBoolean();
        HookedSignal signal = new HookedSignal();
        ConsumerBuffer buffer = buffer(signal, started());
        // the cancel comes while the consumer reads the endpoint's version, the step before it claims and waits
        signal.onVersion = () -> {
            cancelled.set(true);
            buffer.wake();
        };

        CompletableFuture<StoredMessage> next = CompletableFuture.supplyAsync(() -> next(buffer, cancelled::get));

        assertThat(next.get(10, TimeUnit.SECONDS)).as("no message: it was cancelled").isNull();
    }

    @Test
    void aCloseThatLandsWhileTheConsumerLooksForMessagesEndsItsWait() throws Exception {
        HookedSignal signal = new HookedSignal();
        ConsumerBuffer buffer = buffer(signal, started());
        signal.onVersion = buffer::close;

        CompletableFuture<StoredMessage> next = CompletableFuture.supplyAsync(() -> next(buffer, () -> false));

        assertThat(next.get(10, TimeUnit.SECONDS)).as("no message: it was closed").isNull();
    }

    @Test
    void aGateWaiterThatIsLeavingIsNotMadeToWait() throws Exception {
        StartGate stopped = new StartGate();

        CompletableFuture<Boolean> open = CompletableFuture.supplyAsync(() -> {
            try {
                return stopped.awaitOpen(-1, () -> true);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(open.get(10, TimeUnit.SECONDS)).as("still stopped").isFalse();
    }

    @Test
    void aWakeUpWhileTheConnectionIsStoppedMakesTheWaiterLookAgain() throws Exception {
        StartGate stopped = new StartGate();
        AtomicInteger asked = new AtomicInteger();

        CompletableFuture<Boolean> open = CompletableFuture.supplyAsync(() -> {
            try {
                return stopped.awaitOpen(-1, () -> asked.incrementAndGet() > 1);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> asked.get() == 1);
        Thread.sleep(50); // let it reach wait()
        stopped.wakeAll();

        assertThat(open.get(10, TimeUnit.SECONDS)).as("still stopped").isFalse();
    }

    private static StartGate started() {
        StartGate gate = new StartGate();
        gate.open();
        return gate;
    }

    private static StoredMessage next(ConsumerBuffer buffer, java.util.function.BooleanSupplier cancelled) {
        try {
            return buffer.next(-1, cancelled);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ConsumerBuffer buffer(ArrivalSignal signal, StartGate gate) {
        return new ConsumerBuffer(new StoreGateway(emptyStore(signal), e -> { }), ENDPOINT, "q", "consumer-1", 10,
                null, new RedeliveryPolicy(0, 1, 0, 10, "DLQ."), gate, () -> { });
    }

    /** A store whose queue stays empty: claims find nothing, and news come only from the signal. */
    private static MessageStore emptyStore(ArrivalSignal signal) {
        return (MessageStore) Proxy.newProxyInstance(MessageStore.class.getClassLoader(),
                new Class<?>[] {MessageStore.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "arrivals" -> signal;
                    case "claim" -> List.of();
                    case "toString" -> "empty store";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A version counter per store (one endpoint here) that runs a hook, once, when its version is first read. */
    private static final class HookedSignal implements ArrivalSignal {
        private long version;
        volatile Runnable onVersion = () -> { };
        private final AtomicBoolean hooked = new AtomicBoolean();

        @Override
        public long version(long endpointId) {
            if (hooked.compareAndSet(false, true)) {
                onVersion.run();
            }
            synchronized (this) {
                return version;
            }
        }

        @Override
        public synchronized boolean await(long endpointId, long seenVersion, long timeoutNanos, boolean selective)
                throws InterruptedException {
            long deadline = System.nanoTime() + timeoutNanos;
            while (version == seenVersion) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            return true;
        }

        @Override
        public synchronized void wakeAll(long endpointId) {
            version++;
            notifyAll();
        }
    }
}
