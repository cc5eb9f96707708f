package org.tablemq.jms.management;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import jakarta.jms.Connection;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.transaction.xa.XAResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestInstance;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.context.TestFactories;
import org.tablemq.jms.store.XidKey;
import org.tablemq.jms.testing.TestDatabase;

/**
 * The management API over the whole stack, run once per database by a tiny subclass: figures right after sends,
 * claims, prepares and dead letters, and the operator's operations. One table prefix per class; each test works on
 * its own destinations.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ManagementContract {

    private final AtomicInteger names = new AtomicInteger();
    private final List<AutoCloseable> opened = new ArrayList<>();
    private String prefix;
    private TableMQConnectionFactory factory;
    private TableMQManagement management;

    protected abstract TestDatabase database();

    @BeforeAll
    void open() throws Exception {
        database().assumeAvailable();
        prefix = TestDatabase.uniquePrefix();
        factory = TestFactories.create(database(), database().url(), prefix);
        factory.setMaxDeliveryAttempts(1);
        factory.setPrefetch(1);             // a consumer claims only what it receives, so figures are exact
        management = factory.management();
    }

    @AfterEach
    void closeConnections() throws Exception {
        for (AutoCloseable c : opened) {
            c.close();
        }
        opened.clear();
    }

    @AfterAll
    void close() {
        if (management != null) {
            management.close();
        }
    }

    private String unique(TestInfo info) {
        return info.getTestMethod().orElseThrow().getName() + "-" + names.incrementAndGet();
    }

    private <C extends AutoCloseable> C track(C c) {
        opened.add(c);
        return c;
    }

    private Connection connection() throws Exception {
        Connection c = track(factory.createConnection());
        c.start();
        return c;
    }

    private QueueInfo queue(String name) throws Exception {
        return management.queues().stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void queueFiguresCountReadyInFlightScheduledAndHeldMessagesAndTheOldestAge(TestInfo info) throws Exception {
        String name = unique(info);
        long before = System.currentTimeMillis();
        Session session = connection().createSession(Session.CLIENT_ACKNOWLEDGE);
        Queue queue = session.createQueue(name);
        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < 3; i++) {
            producer.send(session.createTextMessage("m" + i));
        }
        producer.setDeliveryDelay(3_600_000);
        producer.send(session.createTextMessage("later"));
        assertThat(session.createConsumer(queue).receive(5_000)).isNotNull();      // claimed, not acknowledged
        prepareASend(name);

        QueueInfo q = queue(name);

        assertThat(q.ready()).isEqualTo(2);
        assertThat(q.inFlight()).isEqualTo(1);
        assertThat(q.scheduled()).isEqualTo(1);
        assertThat(q.heldByPreparedBranches()).isEqualTo(1);
        assertThat(q.deadLetters()).isZero();
        assertThat(q.oldestAgeMillis()).isBetween(0L, System.currentTimeMillis() - before);
        rollBackEveryPreparedBranch();
    }

    @Test
    void deadLetterIsCountedOnItsQueueAndRetriedThereAsAFirstDelivery(TestInfo info) throws Exception {
        String name = unique(info);
        Session session = connection().createSession(true, Session.SESSION_TRANSACTED);
        Queue queue = session.createQueue(name);
        session.createProducer(queue).send(session.createTextMessage("poison"));
        session.commit();
        MessageConsumer consumer = session.createConsumer(queue);
        assertThat(consumer.receive(5_000)).isNotNull();
        session.rollback();                                              // the only attempt failed: dead-lettered
        assertThat(queue(name).deadLetters()).isEqualTo(1);
        assertThat(queue("DLQ." + name).ready()).isEqualTo(1);

        DeadLetterRetry retry = management.retryDeadLetters("DLQ." + name, 100);

        assertThat(retry).isEqualTo(new DeadLetterRetry(1, 0));
        assertThat(queue(name).deadLetters()).isZero();
        Message again = consumer.receive(5_000);
        assertThat(((TextMessage) again).getText()).isEqualTo("poison");
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(1);
        session.commit();
        assertThat(queue("DLQ." + name).ready()).isZero();
    }

    @Test
    void deadLetterOfADurableSubscriptionIsRetriedToThatSubscriptionOnly(TestInfo info) throws Exception {
        String topicName = unique(info);
        Connection connection = track(factory.createConnection());
        connection.setClientID("client-" + topicName);
        connection.start();
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        Topic topic = session.createTopic(topicName);
        MessageConsumer billing = session.createDurableSubscriber(topic, "billing");
        MessageConsumer audit = session.createDurableSubscriber(topic, "audit");
        session.createProducer(topic).send(session.createTextMessage("paid"));
        session.commit();
        assertThat(audit.receive(5_000)).isNotNull();
        session.commit();                                                // audit is done with it
        assertThat(billing.receive(5_000)).isNotNull();
        session.rollback();                                              // billing failed: dead-lettered
        SubscriptionInfo failed = management.subscriptions().stream()
                .filter(s -> s.topic().equals(topicName) && "billing".equals(s.name())).findFirst().orElseThrow();
        assertThat(failed.deadLetters()).isEqualTo(1);
        assertThat(failed.clientId()).isEqualTo("client-" + topicName);
        assertThat(failed.consumers()).isEqualTo(1);

        assertThat(management.retryDeadLetters("DLQ." + topicName, 100).retried()).isEqualTo(1);

        assertThat(((TextMessage) billing.receive(5_000)).getText()).isEqualTo("paid");
        assertThat(audit.receiveNoWait()).isNull();
        session.commit();
    }

    @Test
    void deadLetterWhoseSubscriptionIsGoneStaysOnTheDeadLetterQueue(TestInfo info) throws Exception {
        String topicName = unique(info);
        Connection connection = track(factory.createConnection());
        connection.setClientID("client-" + topicName);
        connection.start();
        Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
        MessageConsumer billing = session.createDurableSubscriber(session.createTopic(topicName), "billing");
        session.createProducer(session.createTopic(topicName)).send(session.createTextMessage("paid"));
        session.commit();
        assertThat(billing.receive(5_000)).isNotNull();
        session.rollback();                                              // dead-lettered
        billing.close();
        session.unsubscribe("billing");

        assertThat(management.retryDeadLetters("DLQ." + topicName, 100)).isEqualTo(new DeadLetterRetry(0, 1));
        assertThat(queue("DLQ." + topicName).ready()).isEqualTo(1);
    }

    @Test
    void browsePagesThroughEveryMessageWithHeadersPropertiesAndABodyPreview(TestInfo info) throws Exception {
        String name = unique(info);
        Session session = connection().createSession(Session.AUTO_ACKNOWLEDGE);
        MessageProducer producer = session.createProducer(session.createQueue(name));
        for (int i = 0; i < 3; i++) {
            TextMessage m = session.createTextMessage("order " + i);
            m.setStringProperty("customer", "c" + i);
            producer.send(m);
        }
        var bytes = session.createBytesMessage();
        bytes.writeBytes("12345".getBytes(StandardCharsets.UTF_8));
        producer.send(bytes);

        MessagePage first = management.browseQueue(name, 0, 2);
        MessagePage second = management.browseQueue(name, first.nextAfter(), 2);
        MessagePage none = management.browseQueue(name, second.nextAfter(), 2);

        assertThat(first.messages()).extracting(MessageView::bodyPreview).containsExactly("order 0", "order 1");
        assertThat(second.messages()).extracting(MessageView::bodyPreview).containsExactly("order 2", "5 bytes");
        assertThat(none.messages()).isEmpty();
        assertThat(none.nextAfter()).isEqualTo(-1);
        MessageView view = first.messages().get(0);
        assertThat(view.properties()).containsEntry("customer", "c0");
        assertThat(view.headers()).containsKeys("JMSMessageID", "JMSPriority", "JMSTimestamp");
        assertThat(view.state()).isEqualTo("READY");
        assertThat(view.type()).isEqualTo("TextMessage");
        assertThat(view.enqueuedAt().toEpochMilli()).isCloseTo(System.currentTimeMillis(), within(60_000L));
    }

    @Test
    void purgeAndDeleteLeaveAClaimedMessageToItsConsumer(TestInfo info) throws Exception {
        String name = unique(info);
        Session session = connection().createSession(Session.CLIENT_ACKNOWLEDGE);
        Queue queue = session.createQueue(name);
        MessageProducer producer = session.createProducer(queue);
        for (int i = 0; i < 4; i++) {
            producer.send(session.createTextMessage("m" + i));
        }
        Message claimed = session.createConsumer(queue).receive(5_000);
        List<MessageView> all = management.browseQueue(name, 0, 10).messages();
        MessageView inFlight = all.stream().filter(v -> v.state().equals("IN_FLIGHT")).findFirst().orElseThrow();
        MessageView free = all.stream().filter(v -> v.state().equals("READY")).findFirst().orElseThrow();

        assertThat(management.deleteMessage(name, inFlight.id())).isFalse();
        assertThat(management.deleteMessage(name, free.id())).isTrue();
        assertThat(management.purgeQueue(name)).isEqualTo(2);

        claimed.acknowledge();                                           // its claim survived both
        assertThat(queue(name)).extracting(QueueInfo::ready, QueueInfo::inFlight).containsExactly(0L, 0L);
    }

    @Test
    void operatorCommitsOnePreparedBranchAndRollsBackAnother(TestInfo info) throws Exception {
        String name = unique(info);
        XidKey kept = prepareASend(name);
        XidKey dropped = prepareASend(name);
        assertThat(management.preparedBranches()).filteredOn(b -> XidKey.of(b.xid()).equals(kept)
                || XidKey.of(b.xid()).equals(dropped)).hasSize(2).allSatisfy(b -> assertThat(b.messages()).isEqualTo(1));

        management.commitPrepared(kept);
        management.rollbackPrepared(dropped);

        assertThat(management.preparedBranches()).noneMatch(b -> XidKey.of(b.xid()).equals(kept)
                || XidKey.of(b.xid()).equals(dropped));
        assertThat(queue(name)).extracting(QueueInfo::ready, QueueInfo::heldByPreparedBranches).containsExactly(1L, 0L);
    }

    @Test
    void nodesShowThisNodeAliveAndAnUnknownQueueIsNeitherBrowsedNorCreated(TestInfo info) throws Exception {
        assertThat(management.nodes()).anySatisfy(n -> assertThat(n.alive()).isTrue());
        String name = unique(info);

        assertThatThrownBy(() -> management.browseQueue(name, 0, 10)).isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining(name);
        assertThat(management.queues()).noneMatch(q -> q.name().equals(name));
    }

    /** Sends one message to the queue in an XA branch and prepares it; returns its Xid. */
    private XidKey prepareASend(String queueName) throws Exception {
        XAConnection connection = track(factory.createXAConnection());
        XASession session = connection.createXASession();
        XAResource resource = session.getXAResource();
        XidKey xid = new XidKey(9, (prefix + names.incrementAndGet()).getBytes(StandardCharsets.UTF_8), new byte[] {1});
        resource.start(xid, XAResource.TMNOFLAGS);
        session.createProducer(session.createQueue(queueName)).send(session.createTextMessage("prepared"));
        resource.end(xid, XAResource.TMSUCCESS);
        resource.prepare(xid);
        return xid;
    }

    private void rollBackEveryPreparedBranch() throws Exception {
        for (PreparedBranchInfo b : management.preparedBranches()) {
            management.rollbackPrepared(b.xid());
        }
    }
}
