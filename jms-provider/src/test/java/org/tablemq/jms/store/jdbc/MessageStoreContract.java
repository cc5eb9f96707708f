package org.tablemq.jms.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.tablemq.jms.store.jdbc.StoreFixture.message;
import static org.tablemq.jms.store.jdbc.StoreFixture.text;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.tablemq.jms.store.ClaimLostException;
import org.tablemq.jms.store.ClaimRequest;
import org.tablemq.jms.store.DestinationNotFoundException;
import org.tablemq.jms.store.DestinationRef;
import org.tablemq.jms.store.DuplicateXidException;
import org.tablemq.jms.store.Endpoint;
import org.tablemq.jms.store.OutgoingMessage;
import org.tablemq.jms.store.Release;
import org.tablemq.jms.store.StoredMessage;
import org.tablemq.jms.store.SubscriberMatcher;
import org.tablemq.jms.store.Subscription;
import org.tablemq.jms.store.SubscriptionInUseException;
import org.tablemq.jms.store.SubscriptionNotFoundException;
import org.tablemq.jms.store.SubscriptionSpec;
import org.tablemq.jms.store.UnitOfWork;
import org.tablemq.jms.store.UnknownXidException;
import org.tablemq.jms.store.XidKey;
import org.tablemq.jms.testing.TestDatabase;

/**
 * What every {@link org.tablemq.jms.store.MessageStore} on a database must do, run once per database by a tiny
 * subclass. One store (and one table prefix) per class; each test works on its own destinations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MessageStoreContract {

    protected StoreFixture fixture;
    protected JdbcMessageStore store;
    private final AtomicInteger names = new AtomicInteger();

    protected abstract TestDatabase database();

    @BeforeAll
    void openStore() throws Exception {
        database().assumeAvailable();
        fixture = new StoreFixture(database());
        store = fixture.open();
    }

    @AfterAll
    void closeStores() {
        if (fixture != null) {
            fixture.close();
        }
    }

    protected String unique(TestInfo info) {
        return info.getTestMethod().orElseThrow().getName() + "-" + names.incrementAndGet();
    }

    /** A Xid unique to this class's tables and the call. */
    protected XidKey xid(int branch) {
        return new XidKey(7, (fixture.prefix + names.incrementAndGet()).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                new byte[] {(byte) branch});
    }

    protected static ClaimRequest claimAll(Endpoint endpoint, int max) {
        return new ClaimRequest(endpoint, "consumer-1", max, null);
    }

    protected static List<String> texts(List<StoredMessage> messages) {
        return messages.stream().map(StoreFixture::text).toList();
    }

    @Test
    void sentMessageIsClaimedOnceAndAcknowledgementRemovesIt(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        store.send(List.of(message(queue, "hello")));
        Endpoint endpoint = store.queueEndpoint(queue.name());

        List<StoredMessage> got = store.claim(claimAll(endpoint, 10));

        assertThat(texts(got)).containsExactly("hello");
        assertThat(got.get(0).deliveryCount()).isEqualTo(1);
        assertThat(store.claim(claimAll(endpoint, 10))).isEmpty();
        store.acknowledge(List.of(got.get(0).id()));
        assertThat(store.depth(endpoint)).isZero();
    }

    @Test
    void claimReturnsHigherPriorityFirstThenOldestFirst(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        store.send(List.of(message(queue, "low-1", 1, 0, 0, null, SubscriberMatcher.ALL),
                message(queue, "high-1", 9, 0, 0, null, SubscriberMatcher.ALL),
                message(queue, "low-2", 1, 0, 0, null, SubscriberMatcher.ALL),
                message(queue, "high-2", 9, 0, 0, null, SubscriberMatcher.ALL),
                message(queue, "mid", 4, 0, 0, null, SubscriberMatcher.ALL)));

        List<StoredMessage> got = store.claim(claimAll(store.queueEndpoint(queue.name()), 10));

        assertThat(texts(got)).containsExactly("high-1", "high-2", "mid", "low-1", "low-2");
    }

    @Test
    void claimFilterLeavesRefusedMessagesForOtherConsumers(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        List<OutgoingMessage> batch = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            batch.add(message(queue, (i % 2 == 0 ? "even-" : "odd-") + i));
        }
        store.send(batch);
        Endpoint endpoint = store.queueEndpoint(queue.name());

        List<StoredMessage> odd = store.claim(new ClaimRequest(endpoint, "odd-consumer", 100,
                m -> text(m).startsWith("odd-")));
        List<StoredMessage> rest = store.claim(claimAll(endpoint, 200));

        assertThat(odd).hasSize(75).allSatisfy(m -> assertThat(text(m)).startsWith("odd-"));
        assertThat(rest).hasSize(75).allSatisfy(m -> assertThat(text(m)).startsWith("even-"));
    }

    @Test
    void releaseOfUndeliveredMessageKeepsItsDeliveryCount(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        store.send(List.of(message(queue, "prefetched")));
        Endpoint endpoint = store.queueEndpoint(queue.name());
        StoredMessage first = store.claim(claimAll(endpoint, 1)).get(0);

        store.release(List.of(Release.undelivered(first.id())));

        assertThat(store.claim(claimAll(endpoint, 1))).singleElement()
                .satisfies(m -> assertThat(m.deliveryCount()).isEqualTo(1));
    }

    @Test
    void releaseOfDeliveredMessageCountsARedeliveryAfterTheRedeliveryDelay(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        store.send(List.of(message(queue, "failed")));
        Endpoint endpoint = store.queueEndpoint(queue.name());
        StoredMessage first = store.claim(claimAll(endpoint, 1)).get(0);

        store.release(List.of(Release.redeliver(first.id(), System.currentTimeMillis() + 1500)));

        assertThat(store.claim(claimAll(endpoint, 1))).isEmpty();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(store.claim(claimAll(endpoint, 1))).singleElement()
                        .satisfies(m -> assertThat(m.deliveryCount()).isEqualTo(2)));
    }

    @Test
    void deadLetterMovesTheMessageWithReasonAndOrigin(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        String dlq = unique(info) + "-DLQ";
        store.send(List.of(message(queue, "poison")));
        Endpoint endpoint = store.queueEndpoint(queue.name());
        StoredMessage m = store.claim(claimAll(endpoint, 1)).get(0);

        store.release(List.of(Release.deadLetter(m.id(), new Release.DeadLetter(dlq, "failed 5 times"))));

        assertThat(store.depth(endpoint)).isZero();
        StoredMessage dead = store.claim(claimAll(store.queueEndpoint(dlq), 1)).get(0);
        assertThat(text(dead)).isEqualTo("poison");
        assertThat(dead.deadLetterReason()).isEqualTo("failed 5 times");
        assertThat(dead.deadLetterOrigin()).isEqualTo(queue.toString());
    }

    @Test
    void expiredMessageIsNeverClaimedAndIsRemoved(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        long past = System.currentTimeMillis() - 1;
        store.send(List.of(message(queue, "stale", 4, past, 0, null, SubscriberMatcher.ALL),
                message(queue, "fresh", 4, System.currentTimeMillis() + 600_000, 0, null, SubscriberMatcher.ALL)));
        Endpoint endpoint = store.queueEndpoint(queue.name());

        assertThat(texts(store.claim(claimAll(endpoint, 10)))).containsExactly("fresh");
        assertThat(store.browse(endpoint, 0, 10)).extracting(StoreFixture::text).containsExactly("fresh");
    }

    @Test
    void messageIsNotClaimedBeforeItsDeliveryTime(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        long at = System.currentTimeMillis() + 1500;
        store.send(List.of(message(queue, "later", 4, 0, at, null, SubscriberMatcher.ALL)));
        Endpoint endpoint = store.queueEndpoint(queue.name());

        assertThat(store.claim(claimAll(endpoint, 1))).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> !store.claim(claimAll(endpoint, 1)).isEmpty());
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(at);
    }

    @Test
    void topicMessageReachesEveryMatchingSubscriptionAndAsksTheMatcherOnlyForSelectorsOrNoLocal(TestInfo info)
            throws Exception {
        String topic = unique(info);
        Subscription plain = store.attach(new SubscriptionSpec(topic, null, null, false, false, null, false, "c1"));
        Subscription durable = store.attach(new SubscriptionSpec(topic, "audit", "client-" + topic, true, false, "", false, "c2"));
        Subscription selective = store.attach(new SubscriptionSpec(topic, null, null, false, false, "color = 'red'", false, "c3"));
        Subscription noLocal = store.attach(new SubscriptionSpec(topic, null, null, false, false, null, true, "sender"));
        List<String> asked = new CopyOnWriteArrayList<>();
        SubscriberMatcher matcher = (selector, nl, connection) -> {
            asked.add(selector + "/" + nl + "/" + connection);
            return selector == null ? !(nl && "sender".equals(connection)) : false;
        };

        store.send(List.of(message(DestinationRef.topic(topic), "event", 4, 0, 0, "sender", matcher)));

        assertThat(texts(store.claim(claimAll(plain.endpoint(), 5)))).containsExactly("event");
        assertThat(texts(store.claim(claimAll(durable.endpoint(), 5)))).containsExactly("event");
        assertThat(store.claim(claimAll(selective.endpoint(), 5))).isEmpty();
        assertThat(store.claim(claimAll(noLocal.endpoint(), 5))).isEmpty();
        assertThat(asked).containsExactlyInAnyOrder("color = 'red'/false/c3", "null/true/sender");
    }

    @Test
    void durableSubscriptionKeepsMessagesWhileDetached(TestInfo info) throws Exception {
        String topic = unique(info);
        SubscriptionSpec spec = new SubscriptionSpec(topic, "keeper", "client-" + topic, true, false, null, false, "c1");
        store.detach(store.attach(spec));

        store.send(List.of(message(DestinationRef.topic(topic), "while-away")));
        Subscription again = store.attach(spec);

        assertThat(texts(store.claim(claimAll(again.endpoint(), 5)))).containsExactly("while-away");
    }

    @Test
    void nonDurableSubscriptionIsDeletedWithItsMessagesOnDetach(TestInfo info) throws Exception {
        String topic = unique(info);
        Subscription sub = store.attach(new SubscriptionSpec(topic, null, null, false, false, null, false, "c1"));
        store.send(List.of(message(DestinationRef.topic(topic), "unread")));

        store.detach(sub);

        assertThat(store.depth(sub.endpoint())).isZero();
        assertThat(fixture.count("SELECT COUNT(*) FROM {p}endpoints WHERE id = ?", sub.endpoint().id())).isZero();
    }

    @Test
    void unsharedDurableSubscriptionRefusesASecondConsumer(TestInfo info) throws Exception {
        String topic = unique(info);
        SubscriptionSpec spec = new SubscriptionSpec(topic, "single", "client-" + topic, true, false, null, false, "c1");
        store.attach(spec);

        assertThatThrownBy(() -> store.attach(spec)).isInstanceOf(SubscriptionInUseException.class)
                .hasMessageContaining("single");
    }

    @Test
    void sharedDurableSubscriptionAcceptsSeveralConsumersThatShareItsMessages(TestInfo info) throws Exception {
        String topic = unique(info);
        SubscriptionSpec spec = new SubscriptionSpec(topic, "shared", null, true, true, null, false, "c1");
        Subscription a = store.attach(spec);
        Subscription b = store.attach(spec);
        store.send(List.of(message(DestinationRef.topic(topic), "once")));

        assertThat(a.endpoint()).isEqualTo(b.endpoint());
        assertThat(texts(store.claim(claimAll(a.endpoint(), 5)))).containsExactly("once");
        assertThat(store.claim(claimAll(b.endpoint(), 5))).isEmpty();
    }

    @Test
    void changedDurableSubscriptionWithoutConsumersIsReplacedAndLosesItsMessages(TestInfo info) throws Exception {
        String topic = unique(info);
        String client = "client-" + topic;
        store.detach(store.attach(new SubscriptionSpec(topic, "changing", client, true, false, null, false, "c1")));
        store.send(List.of(message(DestinationRef.topic(topic), "old")));

        Subscription changed = store.attach(new SubscriptionSpec(topic, "changing", client, true, false, "x = 1", false, "c1"));

        assertThat(store.depth(changed.endpoint())).isZero();
    }

    @Test
    void unsubscribeRefusesUnknownAndActiveSubscriptionsAndDeletesAnInactiveOne(TestInfo info) throws Exception {
        String topic = unique(info);
        String client = "client-" + topic;
        SubscriptionSpec spec = new SubscriptionSpec(topic, "gone", client, true, false, null, false, "c1");
        Subscription sub = store.attach(spec);

        assertThatThrownBy(() -> store.unsubscribe(client, "nobody")).isInstanceOf(SubscriptionNotFoundException.class)
                .hasMessageContaining("nobody");
        assertThatThrownBy(() -> store.unsubscribe(client, "gone")).isInstanceOf(SubscriptionInUseException.class);
        store.detach(sub);
        store.send(List.of(message(DestinationRef.topic(topic), "dropped")));
        store.unsubscribe(client, "gone");

        assertThat(store.depth(sub.endpoint())).isZero();
        assertThatThrownBy(() -> store.unsubscribe(client, "gone")).isInstanceOf(SubscriptionNotFoundException.class);
    }

    @Test
    void temporaryQueueWorksUntilDeletedAndThenRefusesSends(TestInfo info) throws Exception {
        DestinationRef temp = new DestinationRef("TMP:" + unique(info), DestinationRef.Kind.QUEUE, true);
        store.createTemporary(temp, "connection-1");
        assertThat(store.exists(temp)).isTrue();
        store.send(List.of(message(temp, "reply")));
        Endpoint endpoint = store.queueEndpoint(temp.name());
        StoredMessage m = store.claim(claimAll(endpoint, 1)).get(0);

        assertThatThrownBy(() -> store.deleteTemporary(temp)).isInstanceOf(SubscriptionInUseException.class);
        store.acknowledge(List.of(m.id()));
        store.deleteTemporary(temp);

        assertThat(store.exists(temp)).isFalse();
        assertThatThrownBy(() -> store.send(List.of(message(temp, "too late"))))
                .isInstanceOf(DestinationNotFoundException.class);
    }

    @Test
    void temporaryTopicWithSubscriberCannotBeDeleted(TestInfo info) throws Exception {
        DestinationRef temp = DestinationRef.topic("TMP:" + unique(info));
        store.createTemporary(temp, "connection-1");
        Subscription sub = store.attach(new SubscriptionSpec(temp.name(), null, null, false, false, null, false, "connection-1"));

        assertThatThrownBy(() -> store.deleteTemporary(temp)).isInstanceOf(SubscriptionInUseException.class);
        store.detach(sub);
        store.deleteTemporary(temp);
        assertThat(store.exists(temp)).isFalse();
    }

    @Test
    void commitAppliesSendsAcksAndReleasesTogether(TestInfo info) throws Exception {
        DestinationRef in = DestinationRef.queue(unique(info));
        DestinationRef out = DestinationRef.queue(unique(info));
        store.send(List.of(message(in, "a"), message(in, "b")));
        Endpoint inEndpoint = store.queueEndpoint(in.name());
        List<StoredMessage> got = store.claim(claimAll(inEndpoint, 2));

        store.commit(new UnitOfWork(List.of(message(out, "result")), List.of(got.get(0).id()),
                List.of(Release.redeliver(got.get(1).id(), 0))));

        assertThat(texts(store.claim(claimAll(store.queueEndpoint(out.name()), 5)))).containsExactly("result");
        assertThat(store.claim(claimAll(inEndpoint, 5))).singleElement()
                .satisfies(m -> assertThat(text(m)).isEqualTo("b"))
                .satisfies(m -> assertThat(m.deliveryCount()).isEqualTo(2));
    }

    @Test
    void commitAcknowledgingALostClaimThrowsAndAppliesNothing(TestInfo info) throws Exception {
        DestinationRef in = DestinationRef.queue(unique(info));
        DestinationRef out = DestinationRef.queue(unique(info));
        store.send(List.of(message(in, "a"), message(in, "b")));
        Endpoint inEndpoint = store.queueEndpoint(in.name());
        List<StoredMessage> got = store.claim(claimAll(inEndpoint, 2));
        store.release(List.of(Release.undelivered(got.get(1).id())));   // "b" is no longer ours

        assertThatThrownBy(() -> store.commit(new UnitOfWork(List.of(message(out, "result")),
                List.of(got.get(0).id(), got.get(1).id()), List.of())))
                .isInstanceOf(ClaimLostException.class)
                .hasMessageContaining(String.valueOf(got.get(1).id()));

        assertThat(store.depth(store.queueEndpoint(out.name()))).isZero();
        assertThat(store.depth(inEndpoint)).isEqualTo(2);
        store.acknowledge(List.of(got.get(0).id()));   // still claimed: the failed commit changed nothing
    }

    @Test
    void concurrentAcknowledgementsAllApplyAndOneOfAMessageNoLongerClaimedFailsAlone(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        List<OutgoingMessage> sends = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            sends.add(message(queue, "m" + i));
        }
        store.send(sends);
        Endpoint endpoint = store.queueEndpoint(queue.name());
        List<StoredMessage> claimed = store.claim(claimAll(endpoint, 40));
        assertThat(claimed).hasSize(40);
        long released = claimed.get(7).id();
        store.release(List.of(Release.undelivered(released)));
        ExecutorService threads = Executors.newFixedThreadPool(8);
        AtomicInteger lost = new AtomicInteger();
        try {
            List<Future<?>> acks = new ArrayList<>();
            for (StoredMessage m : claimed) {
                acks.add(threads.submit(() -> {
                    try {
                        store.acknowledge(List.of(m.id()));
                    } catch (ClaimLostException e) {
                        assertThat(m.id()).isEqualTo(released);
                        assertThat(e).hasMessageContaining(String.valueOf(released));
                        lost.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : acks) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(lost).hasValue(1);
        assertThat(store.depth(endpoint)).as("only the released message is left").isEqualTo(1);
    }

    @Test
    void acknowledgingAMessageNotClaimedThrowsClaimLost(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        store.send(List.of(message(queue, "x")));
        StoredMessage m = store.claim(claimAll(store.queueEndpoint(queue.name()), 1)).get(0);
        store.release(List.of(Release.undelivered(m.id())));

        assertThatThrownBy(() -> store.acknowledge(List.of(m.id()))).isInstanceOf(ClaimLostException.class);
    }

    @Test
    void preparedBranchSurvivesReopeningAndCommitsFromAnotherInstance(TestInfo info) throws Exception {
        DestinationRef in = DestinationRef.queue(unique(info));
        DestinationRef out = DestinationRef.queue(unique(info));
        XidKey xid = xid(1);
        JdbcMessageStore first = fixture.open();
        first.send(List.of(message(in, "consumed")));
        Endpoint inEndpoint = first.queueEndpoint(in.name());
        Endpoint outEndpoint = first.queueEndpoint(out.name());
        StoredMessage m = first.claim(claimAll(inEndpoint, 1)).get(0);

        first.prepare(xid, new UnitOfWork(List.of(message(out, "produced")), List.of(m.id()), List.of()));
        assertThat(first.claim(claimAll(outEndpoint, 5))).isEmpty();
        assertThat(first.browse(outEndpoint, 0, 5)).isEmpty();
        first.close();
        assertThat(store.claim(claimAll(inEndpoint, 5))).isEmpty();   // held by the branch, not redelivered

        JdbcMessageStore second = fixture.open();
        assertThat(second.recover()).contains(xid);
        assertThatThrownBy(() -> second.prepare(xid, new UnitOfWork(List.of(), List.of(), List.of())))
                .isInstanceOf(DuplicateXidException.class);
        second.commitPrepared(xid);

        assertThat(second.recover()).doesNotContain(xid);
        assertThat(texts(second.claim(claimAll(outEndpoint, 5)))).containsExactly("produced");
        assertThat(second.depth(inEndpoint)).isZero();
        assertThatThrownBy(() -> second.commitPrepared(xid)).isInstanceOf(UnknownXidException.class);
    }

    @Test
    void rolledBackBranchDropsItsSendsAndRedeliversItsAcks(TestInfo info) throws Exception {
        DestinationRef in = DestinationRef.queue(unique(info));
        DestinationRef out = DestinationRef.queue(unique(info));
        XidKey xid = xid(2);
        store.send(List.of(message(in, "consumed")));
        Endpoint inEndpoint = store.queueEndpoint(in.name());
        StoredMessage m = store.claim(claimAll(inEndpoint, 1)).get(0);
        store.prepare(xid, new UnitOfWork(List.of(message(out, "produced")), List.of(m.id()), List.of()));

        store.rollbackPrepared(xid);

        assertThat(store.depth(store.queueEndpoint(out.name()))).isZero();
        assertThat(store.claim(claimAll(inEndpoint, 1))).singleElement()
                .satisfies(again -> assertThat(again.deliveryCount()).isEqualTo(2));
        assertThatThrownBy(() -> store.rollbackPrepared(xid)).isInstanceOf(UnknownXidException.class)
                .hasMessageContaining(xid.toString());
    }

    @Test
    void leaseOfADeadNodeExpiresAndItsMessageIsRedeliveredWithAHigherCount(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        JdbcMessageStore quick = fixture.open(fixture.config().withLeaseMillis(1000));
        quick.send(List.of(message(queue, "orphan")));
        Endpoint endpoint = quick.queueEndpoint(queue.name());
        StoredMessage m = quick.claim(claimAll(endpoint, 1)).get(0);
        // the claim now belongs to a node that stopped long ago
        fixture.execute("UPDATE {p}messages SET owner_node = 'ghost', lease_until = 1 WHERE id = ?", m.id());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(quick.claim(claimAll(endpoint, 1))).singleElement()
                        .satisfies(again -> assertThat(again.deliveryCount()).isEqualTo(2)));
    }

    @Test
    void deadNodesTemporaryDestinationsAndNonDurableSubscriptionsAreRemoved(TestInfo info) throws Exception {
        DestinationRef temp = DestinationRef.queue("TMP:" + unique(info));
        JdbcMessageStore quick = fixture.open(fixture.config().withLeaseMillis(1000));
        JdbcMessageStore doomed = fixture.open(fixture.config().withNodeName("doomed-" + unique(info)));
        doomed.createTemporary(temp, "connection-9");
        Subscription sub = doomed.attach(new SubscriptionSpec(unique(info), null, null, false, false, null, false, "connection-9"));
        fixture.execute("UPDATE {p}nodes SET alive_until = 0 WHERE node_id = ?", doomed.nodeId());
        fixture.execute("UPDATE {p}destinations SET temp_node = 'long-gone' WHERE name = ?", temp.name());
        fixture.execute("UPDATE {p}endpoints SET owner_node = 'long-gone' WHERE id = ?", sub.endpoint().id());
        fixture.execute("UPDATE {p}attachments SET node_id = 'long-gone' WHERE endpoint_id = ?", sub.endpoint().id());
        fixture.execute("INSERT INTO {p}nodes (node_id, heartbeat, alive_until) VALUES ('long-gone', 0, 0)");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(quick.exists(temp)).isFalse();
            assertThat(fixture.count("SELECT COUNT(*) FROM {p}endpoints WHERE id = ?", sub.endpoint().id())).isZero();
        });
    }

    @Test
    void closingAStoreMakesItsClaimsDeliverableAgain(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        JdbcMessageStore other = fixture.open();
        other.send(List.of(message(queue, "claimed-then-closed")));
        Endpoint endpoint = other.queueEndpoint(queue.name());
        assertThat(other.claim(claimAll(endpoint, 1))).hasSize(1);

        other.close();

        assertThat(store.claim(claimAll(endpoint, 1))).singleElement()
                .satisfies(m -> assertThat(m.deliveryCount()).isEqualTo(2));
    }

    @Test
    void concurrentConsumersClaimEachMessageExactlyOnce(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        int total = 2000;
        List<OutgoingMessage> batch = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            batch.add(message(queue, "m" + i));
        }
        store.send(batch);
        Endpoint endpoint = store.queueEndpoint(queue.name());

        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        consume(List.of(store), endpoint, 4, total, seen, duplicates);

        assertThat(duplicates).hasValue(0);
        assertThat(seen).hasSize(total);
        assertThat(store.depth(endpoint)).isZero();
    }

    /** Consumes until {@code total} distinct messages were acknowledged, with threads on each store. */
    protected static void consume(List<JdbcMessageStore> stores, Endpoint endpoint, int threadsPerStore, int total,
                                  Set<String> seen, AtomicInteger duplicates) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(stores.size() * threadsPerStore);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (JdbcMessageStore s : stores) {
                for (int t = 0; t < threadsPerStore; t++) {
                    String consumer = s.nodeId() + "-c" + t;
                    running.add(pool.submit(() -> {
                        while (seen.size() < total) {
                            List<StoredMessage> got = s.claim(new ClaimRequest(endpoint, consumer, 20, null));
                            for (StoredMessage m : got) {
                                if (!seen.add(text(m))) {
                                    duplicates.incrementAndGet();
                                }
                            }
                            if (!got.isEmpty()) {
                                s.acknowledge(got.stream().map(StoredMessage::id).toList());
                            }
                        }
                        return null;
                    }));
                }
            }
            for (Future<?> f : running) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void groupCommittedSendsReturnOnlyOnceTheirRowsAreCommitted(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        store.ensureDestination(queue);
        int threads = 8;
        int perThread = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<String> notVisible = Collections.synchronizedList(new ArrayList<>());
        try (var seeing = fixture.connect(); var ps = seeing.prepareStatement(
                "SELECT COUNT(*) FROM " + fixture.prefix + "messages WHERE message_id = ?")) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                running.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        String text = "t" + thread + "-" + i;
                        store.send(List.of(message(queue, text)));
                        synchronized (ps) {
                            ps.setString(1, "ID:" + text);
                            try (var rs = ps.executeQuery()) {
                                rs.next();
                                if (rs.getLong(1) != 1) {
                                    notVisible.add(text);
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(notVisible).isEmpty();
        assertThat(store.depth(store.queueEndpoint(queue.name()))).isEqualTo(threads * perThread);
    }

    @Test
    void arrivalSignalWakesAWaitingConsumerWhenAMessageIsSent(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        Endpoint endpoint = store.queueEndpoint(queue.name());
        long seen = store.arrivals().version(endpoint.id());
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            Future<Boolean> woke = waiter.submit(() -> store.arrivals().await(endpoint.id(), seen, TimeUnit.SECONDS.toNanos(30)));
            store.send(List.of(message(queue, "wake up")));
            assertThat(woke.get(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            waiter.shutdownNow();
        }
    }

    @Test
    void arrivalSignalWakesAWaitingConsumerWhenADelayedMessageBecomesDue(TestInfo info) throws Exception {
        // a poll so rare that only the store's own timer can wake the consumer within the test
        JdbcMessageStore quiet = fixture.open(fixture.config().withMaxPollMillis(60_000));
        DestinationRef queue = DestinationRef.queue(unique(info));
        Endpoint endpoint = quiet.queueEndpoint(queue.name());
        long at = System.currentTimeMillis() + 1000;
        quiet.send(List.of(message(queue, "later", 4, 0, at, null, SubscriberMatcher.ALL)));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<StoredMessage> got = List.of();
        while (got.isEmpty() && System.nanoTime() < deadline) {      // what a consumer does
            long seen = quiet.arrivals().version(endpoint.id());
            got = quiet.claim(claimAll(endpoint, 1));
            if (got.isEmpty()) {
                quiet.arrivals().await(endpoint.id(), seen, deadline - System.nanoTime());
            }
        }

        assertThat(texts(got)).containsExactly("later");
        assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(at);
    }

    @Test
    void awaitReturnsFalseWhenNothingArrives(TestInfo info) throws Exception {
        // a poll so rare that it cannot wake the waiter (polling wakes waiters now and then, which is allowed)
        JdbcMessageStore quiet = fixture.open(fixture.config().withMaxPollMillis(60_000));
        Endpoint endpoint = quiet.queueEndpoint(unique(info));
        long seen = quiet.arrivals().version(endpoint.id());

        assertThat(quiet.arrivals().await(endpoint.id(), seen, TimeUnit.MILLISECONDS.toNanos(50))).isFalse();
    }

    @Test
    void namesWithQuotesSqlAndUnicodeAreStoredAsData() throws Exception {
        for (String name : List.of("it's", "'; DROP TABLE x; --", "\"quoted\" \\ back", "ünïcødé ☃ 日本")) {
            DestinationRef queue = DestinationRef.queue(name);
            store.send(List.of(message(queue, "to " + name)));
            assertThat(store.exists(queue)).isTrue();
            assertThat(store.exists(DestinationRef.topic(name))).isFalse();
            assertThat(texts(store.claim(claimAll(store.queueEndpoint(name), 5)))).containsExactly("to " + name);

            Subscription sub = store.attach(new SubscriptionSpec(name, name, name, true, false, "a = '" + name + "'", false, name));
            assertThat(sub.endpoint().description()).contains(name);
            store.detach(sub);
            store.unsubscribe(name, name);
        }
    }

    @Test
    void messagesWhoseSendReturnedSurviveAKilledJvm() throws Exception {
        // a database of its own: an embedded H2 file can be open in one process only
        try (StoreFixture crashing = new StoreFixture(database())) {
            ProcessBuilder child = new ProcessBuilder(
                    java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), CrashingSender.class.getName(),
                    crashing.url, database().user(), database().password(), crashing.prefix, "crash")
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            Process process = child.start();
            int lastSent = -1;
            try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(process.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8))) {
                String line;
                while (lastSent < 300 && (line = out.readLine()) != null) {
                    if (line.startsWith("sent ")) {
                        lastSent = Integer.parseInt(line.substring(5));
                    }
                }
                process.destroyForcibly();        // SIGKILL: no shutdown hook, no close
                process.waitFor(30, TimeUnit.SECONDS);
            }
            assertThat(lastSent).as("the child sent messages before it was killed").isGreaterThanOrEqualTo(300);

            JdbcMessageStore after = crashing.open();
            Set<String> stored = ConcurrentHashMap.newKeySet();
            stored.addAll(texts(after.browse(after.queueEndpoint("crash"), 0, 100_000)));
            for (int i = 0; i <= lastSent; i++) {
                assertThat(stored).contains("m" + i);
            }
        }
    }

    @Test
    void browseShowsWaitingMessagesOldestFirstWithoutClaimingThem(TestInfo info) throws Exception {
        DestinationRef queue = DestinationRef.queue(unique(info));
        store.send(List.of(message(queue, "first", 1, 0, 0, null, SubscriberMatcher.ALL),
                message(queue, "second", 9, 0, 0, null, SubscriberMatcher.ALL), message(queue, "third")));
        Endpoint endpoint = store.queueEndpoint(queue.name());

        List<StoredMessage> page = store.browse(endpoint, 0, 2);
        List<StoredMessage> next = store.browse(endpoint, page.get(1).id(), 2);

        assertThat(texts(page)).containsExactly("first", "second");
        assertThat(texts(next)).containsExactly("third");
        assertThat(store.claim(claimAll(endpoint, 5))).hasSize(3);
    }
}
