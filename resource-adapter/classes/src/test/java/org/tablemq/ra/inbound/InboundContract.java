package org.tablemq.ra.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.resource.ResourceException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tablemq.jms.testing.TestDatabase;
import org.tablemq.ra.testing.FakeEndpointFactory;
import org.tablemq.ra.testing.FakeEndpointFactory.Delivery;
import org.tablemq.ra.testing.TestAdapter;

/**
 * Message-driven delivery against a real store: a fake EJB container (Narayana transactions, a WorkManager on a thread
 * pool) activates endpoints on the adapter. Behaviour shared by container-managed (transacted, XA) and bean-managed
 * beans runs for both ({@code transacted} true/false). One subclass per database.
 */
abstract class InboundContract {

    private static final String PREFIX = TestDatabase.uniquePrefix();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private TestAdapter adapter;
    private String queue;
    private final List<Runnable> deactivations = new ArrayList<>();

    abstract TestDatabase database();

    @BeforeEach
    void start() throws Exception {
        adapter = new TestAdapter(database(), PREFIX, "");
        queue = "in-" + UUID.randomUUID();
    }

    @AfterEach
    void stop() throws Exception {
        deactivations.forEach(Runnable::run);
        if (adapter != null) {
            adapter.close();
        }
    }

    /** A fake container for a transacted (CMT, XA) or bean-managed endpoint. */
    private static FakeEndpointFactory mdb(boolean transacted, FakeEndpointFactory.Bean bean) {
        return new FakeEndpointFactory(transacted, bean);
    }

    private TableMQActivationSpec spec(String destination) {
        TableMQActivationSpec spec = new TableMQActivationSpec();
        spec.setDestination(destination);
        spec.setMaxSession(2);
        return spec;
    }

    private void activate(FakeEndpointFactory endpoints, TableMQActivationSpec spec) throws ResourceException {
        spec.setResourceAdapter(adapter.ra());
        adapter.ra().endpointActivation(endpoints, spec);
        deactivations.add(() -> adapter.ra().endpointDeactivation(endpoints, spec));
    }

    @ParameterizedTest(name = "transacted={0}")
    @ValueSource(booleans = {true, false})
    void eachMessageIsConsumedOnceWhenTheDeliverySucceeds(boolean transacted) throws Exception {
        FakeEndpointFactory mdb = mdb(transacted, (m, tm) -> { });
        activate(mdb, spec(queue));
        adapter.send(queue, "a", "b", "c");

        await().atMost(WAIT).until(() -> mdb.committed().size() == 3);
        assertThat(mdb.committed()).extracting(Delivery::text).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(adapter.drain(queue)).isEmpty();
    }

    @ParameterizedTest(name = "transacted={0}")
    @ValueSource(booleans = {true, false})
    void aRolledBackDeliveryIsRedeliveredAsRedelivered(boolean transacted) throws Exception {
        AtomicBoolean failOnce = new AtomicBoolean(true);
        FakeEndpointFactory mdb = mdb(transacted, (m, tm) -> {
            if (failOnce.getAndSet(false)) {
                throw new IllegalStateException("the bean fails once");
            }
        });
        activate(mdb, spec(queue));
        adapter.send(queue, "retry me");

        await().atMost(WAIT).until(() -> mdb.committed().size() == 1);
        Delivery ok = mdb.committed().get(0);
        assertThat(ok.redelivered()).isTrue();
        assertThat(ok.deliveryCount()).isEqualTo(2);
        assertThat(mdb.deliveries()).hasSize(2);
    }

    @Test
    void anIdleTransactedEndpointBeginsNoTransactions() throws Exception {
        FakeEndpointFactory mdb = mdb(true, (m, tm) -> { });
        activate(mdb, spec(queue));
        Thread.sleep(2_500);   // each of the two workers waits for a message at least twice meanwhile

        assertThat(mdb.transactionsBegun()).as("transactions begun while the queue was empty").isZero();

        adapter.send(queue, "the only one");
        await().atMost(WAIT).until(() -> mdb.committed().size() == 1);
        assertThat(mdb.transactionsBegun()).isEqualTo(1);
    }

    @Test
    void setRollbackOnlyCountsAsAFailedAttempt() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        FakeEndpointFactory mdb = mdb(true, (m, tm) -> {
            if (calls.incrementAndGet() == 1) {
                tm.setRollbackOnly();
            }
        });
        activate(mdb, spec(queue));
        adapter.send(queue, "rollback only");

        await().atMost(WAIT).until(() -> mdb.committed().size() == 1);
        assertThat(mdb.deliveries()).extracting(Delivery::committed, Delivery::deliveryCount, Delivery::redelivered)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(false, 1, false),
                        org.assertj.core.groups.Tuple.tuple(true, 2, true));
    }

    @ParameterizedTest(name = "transacted={0}")
    @ValueSource(booleans = {true, false})
    void aPoisonMessageGoesToTheDeadLetterQueueAfterMaxDeliveryAttempts(boolean transacted) throws Exception {
        FakeEndpointFactory mdb = mdb(transacted, (m, tm) -> {
            throw new IllegalStateException("poison");
        });
        TableMQActivationSpec spec = spec(queue);
        spec.setMaxDeliveryAttempts(3);
        activate(mdb, spec);
        adapter.send(queue, "poison");

        List<Message> dead = new ArrayList<>();
        await().atMost(WAIT).until(() -> dead.addAll(adapter.drain("DLQ." + queue)) || !dead.isEmpty());
        assertThat(((TextMessage) dead.get(0)).getText()).isEqualTo("poison");
        assertThat(dead.get(0).getStringProperty("JMS_TableMQ_DLQReason")).contains("3");
        assertThat(mdb.deliveries()).hasSize(3).allMatch(d -> !d.committed());
        assertThat(adapter.drain(queue)).isEmpty();
    }

    @ParameterizedTest(name = "transacted={0}")
    @ValueSource(booleans = {true, false})
    void theActivationsDeadLetterQueueTakesThePoisonMessageWithItsReason(boolean transacted) throws Exception {
        FakeEndpointFactory mdb = mdb(transacted, (m, tm) -> {
            throw new IllegalStateException("poison");
        });
        TableMQActivationSpec spec = spec(queue);
        spec.setMaxDeliveryAttempts(2);
        spec.setDeadLetterQueue("poison-" + queue);
        activate(mdb, spec);
        adapter.send(queue, "bad");

        List<Message> dead = new ArrayList<>();
        await().atMost(WAIT).until(() -> dead.addAll(adapter.drain("poison-" + queue)) || !dead.isEmpty());
        assertThat(((TextMessage) dead.get(0)).getText()).isEqualTo("bad");
        assertThat(dead.get(0).getStringProperty("JMS_TableMQ_DLQReason")).contains("failed 2 times");
        assertThat(dead.get(0).getStringProperty("JMS_TableMQ_DLQOrigin")).isEqualTo("queue '" + queue + "'");
        assertThat(mdb.deliveries()).hasSize(2);
        assertThat(adapter.drain("DLQ." + queue)).isEmpty();
    }

    @ParameterizedTest(name = "transacted={0}")
    @ValueSource(booleans = {true, false})
    void maxSessionConsumersDeliverConcurrentlyWithoutDuplicates(boolean transacted) throws Exception {
        CountDownLatch allInside = new CountDownLatch(3);
        FakeEndpointFactory mdb = mdb(transacted, (m, tm) -> {
            allInside.countDown();
            allInside.await(10, TimeUnit.SECONDS);   // proves three deliveries run at the same time
        });
        TableMQActivationSpec spec = spec(queue);
        spec.setMaxSession(3);
        String[] texts = new String[60];
        for (int i = 0; i < texts.length; i++) {
            texts[i] = "m" + i;
        }
        adapter.send(queue, texts);
        activate(mdb, spec);

        await().atMost(WAIT).until(() -> mdb.committed().size() >= texts.length);
        assertThat(mdb.committed()).extracting(Delivery::text).containsExactlyInAnyOrder(texts);
        assertThat(mdb.maxConcurrent()).isEqualTo(3);
        assertThat(adapter.bootstrap().scheduledWork()).isEqualTo(3);
    }

    @ParameterizedTest(name = "transacted={0}")
    @ValueSource(booleans = {true, false})
    void deactivationWaitsForTheDeliveryInFlight(boolean transacted) throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeEndpointFactory mdb = mdb(transacted, (m, tm) -> {
            inside.countDown();
            release.await(10, TimeUnit.SECONDS);
        });
        TableMQActivationSpec spec = spec(queue);
        activate(mdb, spec);
        adapter.send(queue, "in flight");
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

        Thread releaser = new Thread(() -> {
            await().atMost(WAIT).until(() -> mdb.inOnMessage() == 1);
            release.countDown();
        });
        releaser.start();
        adapter.ra().endpointDeactivation(mdb, spec);
        releaser.join();

        assertThat(mdb.committed()).extracting(Delivery::text).containsExactly("in flight");
        assertThat(adapter.drain(queue)).isEmpty();
        assertThat(mdb.endpointsReleased()).isEqualTo(mdb.endpointsCreated());
    }

    @ParameterizedTest(name = "transacted={0}")
    @ValueSource(booleans = {true, false})
    void stopWithADeliveryStuckPastTheTimeoutLosesNothing(boolean transacted) throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        FakeEndpointFactory mdb = mdb(transacted, (m, tm) -> {
            inside.countDown();
            release.await(30, TimeUnit.SECONDS);
        });
        TableMQActivationSpec spec = spec(queue);
        spec.setDeactivationTimeout(200L);
        activate(mdb, spec);
        adapter.send(queue, "stuck");
        assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();

        adapter.ra().stop();   // closes the consumer under the running delivery
        release.countDown();

        await().atMost(WAIT).until(() -> mdb.inOnMessage() == 0 && mdb.deliveries().size() == 1);
        // a transacted delivery either still committed (then it is gone) or rolled back (then it is back), never both;
        // a bean-managed one whose acknowledgement could not commit any more comes back: never lost
        List<Message> left = new ArrayList<>();
        if (!transacted || mdb.committed().isEmpty()) {
            await().atMost(WAIT).until(() -> left.addAll(adapter.drain(queue)) || !left.isEmpty());
            assertThat(((TextMessage) left.get(0)).getText()).isEqualTo("stuck");
            assertThat(left.get(0).getJMSRedelivered()).isTrue();
        } else {
            left.addAll(adapter.drain(queue));
        }
        assertThat(transacted ? mdb.committed().size() + left.size() : left.size()).isEqualTo(1);
    }

    @Test
    void aDeadLetterFromATopicSubscriptionNamesTheSubscriptionInItsReason() throws Exception {
        String topic = "t-" + UUID.randomUUID();
        TableMQActivationSpec spec = spec(topic);
        spec.setDestinationType("jakarta.jms.Topic");
        spec.setSubscriptionDurability("Durable");
        spec.setSubscriptionName("shipping");
        spec.setClientId("shipping-" + UUID.randomUUID());
        spec.setMaxDeliveryAttempts(2);
        spec.setDeadLetterQueue("poison-" + topic);
        FakeEndpointFactory mdb = mdb(true, (m, tm) -> {
            throw new IllegalStateException("poison");
        });
        activate(mdb, spec);
        adapter.publish(topic, "bad");

        List<Message> dead = new ArrayList<>();
        await().atMost(WAIT).until(() -> dead.addAll(adapter.drain("poison-" + topic)) || !dead.isEmpty());
        assertThat(dead.get(0).getStringProperty("JMS_TableMQ_DLQReason"))
                .startsWith("Message from topic '" + topic + "', subscription 'shipping': delivery failed 2 times");
        assertThat(dead.get(0).getStringProperty("JMS_TableMQ_DLQOrigin")).isEqualTo("topic '" + topic + "'");
    }

    @ParameterizedTest(name = "transacted={0}")
    @ValueSource(booleans = {true, false})
    void aDurableSubscriptionKeepsMessagesPublishedWhileTheBeanIsUndeployed(boolean transacted) throws Exception {
        String topic = "t-" + UUID.randomUUID();
        TableMQActivationSpec spec = spec(topic);
        spec.setDestinationType("jakarta.jms.Topic");
        spec.setSubscriptionDurability("Durable");
        spec.setSubscriptionName("orders");
        spec.setClientId("orders-" + UUID.randomUUID());
        FakeEndpointFactory first = mdb(transacted, (m, tm) -> { });
        spec.setResourceAdapter(adapter.ra());
        adapter.ra().endpointActivation(first, spec);
        adapter.publish(topic, "before");
        await().atMost(WAIT).until(() -> first.committed().size() == 1);
        adapter.ra().endpointDeactivation(first, spec);

        adapter.publish(topic, "while away");
        FakeEndpointFactory second = mdb(transacted, (m, tm) -> { });
        activate(second, spec);

        await().atMost(WAIT).until(() -> second.committed().size() == 1);
        assertThat(second.committed().get(0).text()).isEqualTo("while away");
    }

    @Test
    void anUnknownDestinationLookupFailsTheActivationNamingTheProperty() throws Exception {
        TableMQActivationSpec spec = new TableMQActivationSpec();
        spec.setDestinationLookup("java:/jms/queue/missing");
        spec.setResourceAdapter(adapter.ra());
        assertThatThrownBy(() -> adapter.ra().endpointActivation(new FakeEndpointFactory(false, (m, tm) -> { }), spec))
                .isInstanceOf(ResourceException.class).hasMessageContaining("destinationLookup");
    }

    @Test
    void recoveryGetsAnXaResourceOfTheActivationsStore() throws Exception {
        TableMQActivationSpec spec = spec(queue);
        var resources = adapter.ra().getXAResources(new TableMQActivationSpec[] {spec});
        assertThat(resources).hasSize(1);
        assertThat(resources[0].recover(javax.transaction.xa.XAResource.TMSTARTRSCAN
                | javax.transaction.xa.XAResource.TMENDRSCAN)).isEmpty();
    }

    @Test
    void recoveryResourceAndAnOutboundConnectionsResourceAreOneResourceManagerWhicheverAsks() throws Exception {
        // A transaction manager's recovery matches resources by isSameRM in either direction; a one-sided answer made
        // it forget when it first saw a prepared branch, so the branch was never presumed aborted.
        var recovery = adapter.ra().getXAResources(new TableMQActivationSpec[] {spec(queue)})[0];
        var outbound = adapter.managedConnectionFactory().createManagedConnection(null, null);
        try {
            var outboundResource = outbound.getXAResource();

            assertThat(recovery.isSameRM(outboundResource)).isTrue();
            assertThat(outboundResource.isSameRM(recovery)).isTrue();
        } finally {
            outbound.destroy();
        }
    }
}
