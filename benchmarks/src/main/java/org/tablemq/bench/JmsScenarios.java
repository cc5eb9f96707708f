package org.tablemq.bench;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The scenarios written once against the standard {@code jakarta.jms} API, so every provider runs the very same
 * client code. Producers send persistent messages; a non-transacted send counts once it has returned (the
 * provider's promise that the message is durable), a transacted one once its commit has returned.
 */
final class JmsScenarios {

    private static final String QUEUE = "bench.queue";
    private static final String TOPIC = "bench.topic";
    private static final long RECEIVE_POLL_MS = 100;
    /** S3 decides the queue is drained after this long without a message. */
    private static final long DRAINED_AFTER_MS = 2000;

    private final ConnectionFactory factory;
    private final Settings settings;
    private final Payload payload;
    private final AtomicLong operations = new AtomicLong();

    JmsScenarios(ConnectionFactory factory, Settings settings) {
        this.factory = factory;
        this.settings = settings;
        this.payload = new Payload(settings.bodyBytes());
    }

    /** Sends and receives so far, warm-up and pre-fill included. */
    long operations() {
        return operations.get();
    }

    Measurement run(Scenario scenario) throws Exception {
        return switch (scenario) {
            case S1 -> sendOneAtATime();
            case S2 -> sendTransacted();
            case S3_TX -> drain(true);
            case S3_AUTO -> drain(false);
            case S4 -> producersAndConsumers(1, 1);
            case S4_WAKE -> wakeUp();
            case S5 -> fanOut();
            case S6 -> producersAndConsumers(Settings.THREADS_S6, Settings.THREADS_S6);
        };
    }

    private Measurement sendOneAtATime() throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = persistentProducer(session, session.createQueue(QUEUE));
            Histogram latency = Measurement.newHistogram();
            Window window = Window.startingNow(settings);
            long count = 0;
            while (true) {
                long before = System.nanoTime();
                producer.send(payload.stamped(session));
                operations.incrementAndGet();
                long after = System.nanoTime();
                if (window.over(after)) {
                    break;
                }
                if (window.counts(after)) {
                    count++;
                    latency.recordValue(after - before);
                }
            }
            return new Measurement(count, window.lengthNanos(), -1, latency);
        }
    }

    private Measurement sendTransacted() throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = persistentProducer(session, session.createQueue(QUEUE));
            Window window = Window.startingNow(settings);
            long count = 0;
            while (true) {
                for (int i = 0; i < settings.batch(); i++) {
                    producer.send(payload.stamped(session));
                    operations.incrementAndGet();
                }
                session.commit();
                long after = System.nanoTime();
                if (window.over(after)) {
                    break;
                }
                if (window.counts(after)) {
                    count += settings.batch();
                }
            }
            return new Measurement(count, window.lengthNanos(), -1, null);
        }
    }

    /**
     * Fills the queue (not timed), then drains it with one consumer. The rate is messages drained divided by the
     * time from the first receive call to the last message's acknowledgement or commit.
     */
    private Measurement drain(boolean transacted) throws JMSException {
        int filled = prefill();
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = transacted
                    ? connection.createSession(true, Session.SESSION_TRANSACTED)
                    : connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(QUEUE));
            long deadline = System.nanoTime() + settings.drainBudgetNanos();
            long start = System.nanoTime();
            long lastDone = start;
            long drained = 0;
            int inTx = 0;
            while (drained + inTx < filled && System.nanoTime() < deadline) {
                Message m = consumer.receive(DRAINED_AFTER_MS);
                if (m == null) {
                    break;
                }
                operations.incrementAndGet();
                if (transacted && ++inTx == settings.batch()) {
                    session.commit();
                    drained += inTx;
                    inTx = 0;
                    lastDone = System.nanoTime();
                } else if (!transacted) {
                    drained++;
                    lastDone = System.nanoTime();
                }
            }
            if (inTx > 0) {
                session.commit();
                drained += inTx;
                lastDone = System.nanoTime();
            }
            return new Measurement(drained, lastDone - start, filled, null);
        }
    }

    /** Sends transacted batches until {@link Settings#prefillMax()} messages or the warm-up plus window elapsed. */
    private int prefill() throws JMSException {
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = persistentProducer(session, session.createQueue(QUEUE));
            long deadline = System.nanoTime() + settings.prefillBudgetNanos();
            int sent = 0;
            while (sent < settings.prefillMax() && System.nanoTime() < deadline) {
                for (int i = 0; i < settings.batch(); i++) {
                    producer.send(payload.stamped(session));
                    operations.incrementAndGet();
                }
                session.commit();
                sent += settings.batch();
            }
            return sent;
        }
    }

    private Measurement producersAndConsumers(int producers, int consumers) throws Exception {
        Window window = Window.startingNow(settings);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch consumersReady = new CountDownLatch(consumers);
        List<Callable<long[]>> tasks = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        for (int i = 0; i < consumers; i++) {
            Histogram h = Measurement.newHistogram();
            histograms.add(h);
            tasks.add(() -> consume(s -> s.createConsumer(s.createQueue(QUEUE)), null, window, stop, h,
                    consumersReady));
        }
        for (int i = 0; i < producers; i++) {
            tasks.add(() -> produce(s -> s.createQueue(QUEUE), window, stop, consumersReady));
        }
        return collect(tasks, histograms, consumers, window);
    }

    private Measurement fanOut() throws Exception {
        int subscribers = Settings.THREADS_S5;
        Window window = Window.startingNow(settings);
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch subscribed = new CountDownLatch(subscribers);
        List<Callable<long[]>> tasks = new ArrayList<>();
        List<Histogram> histograms = new ArrayList<>();
        for (int i = 0; i < subscribers; i++) {
            Histogram h = Measurement.newHistogram();
            histograms.add(h);
            String name = "bench-sub-" + i;
            tasks.add(() -> consume(s -> s.createDurableSubscriber(s.createTopic(TOPIC), name), name, window, stop,
                    h, subscribed));
        }
        tasks.add(() -> produce(s -> s.createTopic(TOPIC), window, stop, subscribed));
        return collect(tasks, histograms, subscribers, window);
    }

    private Measurement collect(List<Callable<long[]>> tasks, List<Histogram> histograms, int consumers,
                                Window window) throws Exception {
        long timeout = settings.warmup().toNanos() + settings.measure().toNanos() * 3 + 60_000_000_000L;
        List<long[]> results = Workers.runAll(tasks, timeout);
        long received = 0;
        long sent = 0;
        for (int i = 0; i < results.size(); i++) {
            if (i < consumers) {
                received += results.get(i)[0];
            } else {
                sent += results.get(i)[0];
            }
        }
        Histogram all = Measurement.newHistogram();
        histograms.forEach(all::add);
        return new Measurement(received, window.lengthNanos(), sent, all);
    }

    /** Returns {messages sent inside the window}. Sets {@code stop} when the window is over. */
    private long[] produce(DestinationFactory destination, Window window, AtomicBoolean stop,
                           CountDownLatch consumersReady) throws Exception {
        consumersReady.await();
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = persistentProducer(session, destination.create(session));
            long sent = 0;
            while (!stop.get()) {
                producer.send(payload.stamped(session));
                operations.incrementAndGet();
                long after = System.nanoTime();
                if (window.over(after)) {
                    break;
                }
                if (window.counts(after)) {
                    sent++;
                }
            }
            return new long[] {sent};
        } finally {
            stop.set(true);
        }
    }

    /** Returns {messages received inside the window}; each consumer has its own connection. */
    private long[] consume(ConsumerFactory consumerFactory, String clientId, Window window, AtomicBoolean stop,
                           Histogram latency, CountDownLatch ready) throws Exception {
        try (Connection connection = factory.createConnection()) {
            if (clientId != null) {
                connection.setClientID(clientId);
            }
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = consumerFactory.create(session);
            connection.start();
            ready.countDown();
            long received = 0;
            while (true) {
                Message m = consumer.receive(RECEIVE_POLL_MS);
                long now = System.nanoTime();
                if (m != null) {
                    operations.incrementAndGet();
                }
                if (window.over(now) || (m == null && stop.get())) {
                    break;
                }
                if (m != null && window.counts(now)) {
                    received++;
                    latency.recordValue(Math.max(0, now - Payload.sentAt(m)));
                }
            }
            return new long[] {received};
        } finally {
            ready.countDown();
        }
    }

    /**
     * One message at a time to a consumer already blocked in {@code receive()}: measures how long a committed
     * message takes to reach an idle consumer (the wake-up path, no backlog).
     */
    private Measurement wakeUp() throws Exception {
        try (Connection producerConnection = factory.createConnection();
             Connection consumerConnection = factory.createConnection()) {
            Session ps = producerConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = persistentProducer(ps, ps.createQueue(QUEUE));
            Session cs = consumerConnection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = cs.createConsumer(cs.createQueue(QUEUE));
            consumerConnection.start();
            WakeUpProbe probe = new WakeUpProbe(consumer);
            // a round trip is one send and one receive
            return probe.measure(() -> {
                producer.send(payload.stamped(ps));
                operations.addAndGet(2);
            }, Window.startingNow(settings));
        }
    }

    private static MessageProducer persistentProducer(Session session, Destination destination)
            throws JMSException {
        MessageProducer producer = session.createProducer(destination);
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
        return producer;
    }

    @FunctionalInterface
    interface DestinationFactory {
        Destination create(Session session) throws JMSException;
    }

    @FunctionalInterface
    interface ConsumerFactory {
        MessageConsumer create(Session session) throws JMSException;
    }
}
