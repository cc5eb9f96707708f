package org.tablemq.bench;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import org.HdrHistogram.Histogram;

import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Ping of one message at a time: the consumer thread sits in {@code receive()} on an empty queue, the producer sends
 * one message and waits until it arrived. Latency is from the return of {@code send()} (the message is durable) to
 * the return of {@code receive()}; a provider that delivers before {@code send()} returns records zero.
 */
final class WakeUpProbe {

    /** Lets the consumer re-enter receive() before the next send, so it is really waiting on an empty queue. */
    private static final long PAUSE_NANOS = 300_000;
    private static final long LOST_AFTER_SECONDS = 10;

    @FunctionalInterface
    interface Send {
        void send() throws JMSException;
    }

    private final MessageConsumer consumer;
    private final SynchronousQueue<Long> arrivals = new SynchronousQueue<>();

    WakeUpProbe(MessageConsumer consumer) {
        this.consumer = consumer;
    }

    Measurement measure(Send send, Window window) throws Exception {
        Thread receiver = new Thread(this::receiveLoop, "bench-wakeup-consumer");
        receiver.setDaemon(true);
        receiver.start();
        Histogram latency = Measurement.newHistogram();
        long count = 0;
        try {
            while (true) {
                LockSupport.parkNanos(PAUSE_NANOS);
                send.send();
                long sentReturned = System.nanoTime();
                Long arrived = arrivals.poll(LOST_AFTER_SECONDS, TimeUnit.SECONDS);
                if (arrived == null) {
                    throw new IllegalStateException("A message sent to the idle consumer did not arrive within "
                            + LOST_AFTER_SECONDS + " s");
                }
                if (window.over(arrived)) {
                    break;
                }
                if (window.counts(arrived)) {
                    count++;
                    latency.recordValue(Math.max(0, arrived - sentReturned));
                }
            }
        } finally {
            receiver.interrupt();
        }
        return new Measurement(count, window.lengthNanos(), -1, latency);
    }

    private void receiveLoop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Message m = consumer.receive();
                if (m == null) {
                    return;
                }
                arrivals.put(System.nanoTime());
            }
        } catch (JMSException | RuntimeException e) {
            // the connection closes under the receiver at the end of the run; nothing is waiting any more
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
