package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageFormatException;
import jakarta.jms.MessageProducer;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.QueueRequestor;
import jakarta.jms.QueueSession;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.jms.TopicConnection;
import jakarta.jms.TopicRequestor;
import jakarta.jms.TopicSession;
import java.io.Serializable;
import java.time.Duration;
import java.util.Collections;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;

/**
 * Rules of Jakarta Messaging 3.1 (spec chapters 3, 6, 7, 8 and the jakarta.jms Javadoc) that the other facade tests
 * do not pin down: header fields on send and receive, producer destination rules, closed-object rules, the API's
 * requestor helpers, JMSX properties on received messages, and selectors over header fields.
 */
class SpecRulesTest extends FacadeTestBase {

    /** An ObjectMessage body from a package no allow-list below trusts. */
    record Parcel(String id) implements Serializable {
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sendWithoutTimeToLiveLeavesExpirationZeroAndSetsDeliveryTime(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("ttl0"));
        Message m = s.createTextMessage("forever");
        long before = System.currentTimeMillis();
        s.createProducer(q).send(m);
        assertThat(m.getJMSExpiration()).isZero();
        assertThat(m.getJMSDeliveryTime()).isBetween(before, System.currentTimeMillis());
        Message got = s.createConsumer(q).receive(5000);
        assertThat(got.getJMSExpiration()).isZero();
        assertThat(got.getJMSDeliveryTime()).isEqualTo(m.getJMSDeliveryTime());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deliveryTimeIsSendTimePlusDeliveryDelay(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        MessageProducer p = s.createProducer(s.createQueue(unique("delay-header")));
        p.setDeliveryDelay(60_000);
        Message m = s.createTextMessage("later");
        p.send(m);
        assertThat(m.getJMSDeliveryTime()).isEqualTo(m.getJMSTimestamp() + 60_000);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void headerFieldsSetByTheApplicationAreOverwrittenOnSend(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("overwrite"));
        Queue elsewhere = s.createQueue(unique("elsewhere"));
        Message m = s.createTextMessage("x");
        m.setJMSDeliveryMode(DeliveryMode.NON_PERSISTENT);
        m.setJMSPriority(1);
        m.setJMSExpiration(12345);
        m.setJMSMessageID("ID:mine");
        m.setJMSTimestamp(1);
        m.setJMSDestination(elsewhere);
        m.setJMSRedelivered(true);
        s.createProducer(q).send(m, DeliveryMode.PERSISTENT, 8, 0);
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(m.getJMSPriority()).isEqualTo(8);
        assertThat(m.getJMSExpiration()).isZero();
        assertThat(m.getJMSMessageID()).isNotEqualTo("ID:mine").startsWith("ID:");
        assertThat(m.getJMSTimestamp()).isGreaterThan(1);
        assertThat(m.getJMSDestination()).isEqualTo(q);

        Message got = s.createConsumer(q).receive(5000);
        assertThat(got.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(got.getJMSPriority()).isEqualTo(8);
        assertThat(got.getJMSDestination()).isEqualTo(q);
        assertThat(got.getJMSMessageID()).isEqualTo(m.getJMSMessageID());
        assertThat(got.getJMSRedelivered()).as("JMSRedelivered is the provider's, not the sender's").isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void producerWithADestinationRefusesSendsNamingAnother(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue own = s.createQueue(unique("own"));
        MessageProducer p = s.createProducer(own);
        TextMessage m = s.createTextMessage("x");
        assertThatThrownBy(() -> p.send(s.createQueue(unique("other")), m))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining(own.getQueueName());
        assertThatThrownBy(() -> p.send(own, m)).as("even its own destination, named per call")
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(s.createConsumer(own).receive(300)).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void producerWithoutADestinationNeedsOnePerSend(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        MessageProducer p = s.createProducer(null);
        assertThatThrownBy(() -> p.send(s.createTextMessage("x"))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> p.send(s.createTextMessage("x"), DeliveryMode.PERSISTENT, 4, 0))
                .isInstanceOf(UnsupportedOperationException.class);
        Queue q = s.createQueue(unique("per-send"));
        p.send(q, s.createTextMessage("named"));
        assertThat(text(s.createConsumer(q).receive(5000))).isEqualTo("named");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void closedProducerRefusesToSend(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("closed-producer"));
        MessageProducer p = s.createProducer(q);
        p.close();
        assertThatThrownBy(() -> p.send(s.createTextMessage("x"))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> p.setPriority(3)).isInstanceOf(IllegalStateException.class);
        assertThat(s.createConsumer(q).receive(300)).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void closedConsumerRefusesToReceive(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        MessageConsumer c = s.createConsumer(s.createQueue(unique("closed-consumer")));
        c.close();
        assertThatThrownBy(c::receiveNoWait).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> c.receive(10)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> c.setMessageListener(m -> { })).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void connectionCloseEndsAWaitingReceiveWithNull(TestDatabase db) throws Exception {
        Connection conn = connect(db);
        Session s = conn.createSession();
        MessageConsumer c = s.createConsumer(s.createQueue(unique("close-wakes")));
        CompletableFuture<Message> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return c.receive();
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
        });
        await().pollDelay(Duration.ofMillis(200)).until(() -> !waiting.isDone());
        conn.close();
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void closingItsOwnSessionFromAListenerIsRefused(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("listener-closes-session"));
        AtomicReference<Throwable> refused = new AtomicReference<>();
        s.createConsumer(q).setMessageListener(m -> {
            try {
                s.close();
                refused.set(new AssertionError("close returned"));
            } catch (Throwable e) {
                refused.set(e);
            }
        });
        send(connect(db).createSession(), q, "x");
        await().atMost(Duration.ofSeconds(10)).until(() -> refused.get() != null);
        assertThat(refused.get()).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void queueRequestorGetsItsReplyThroughATemporaryQueue(TestDatabase db) throws Exception {
        QueueConnection conn = (QueueConnection) connect(db);
        QueueSession server = conn.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        Queue service = server.createQueue(unique("service"));
        server.createReceiver(service).setMessageListener(request -> {
            try {
                TextMessage reply = server.createTextMessage("re: " + ((TextMessage) request).getText());
                reply.setJMSCorrelationID(request.getJMSMessageID());
                server.createSender(null).send((Queue) request.getJMSReplyTo(), reply);
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
        });
        QueueSession client = conn.createQueueSession(false, Session.AUTO_ACKNOWLEDGE);
        QueueRequestor requestor = new QueueRequestor(client, service);
        Message reply = requestor.request(client.createTextMessage("ping"));
        assertThat(text(reply)).isEqualTo("re: ping");
        requestor.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void topicRequestorGetsItsReplyThroughATemporaryTopic(TestDatabase db) throws Exception {
        TopicConnection conn = (TopicConnection) connect(db);
        TopicSession server = conn.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        Topic service = server.createTopic(unique("service"));
        server.createSubscriber(service).setMessageListener(request -> {
            try {
                server.createPublisher(null).publish((Topic) request.getJMSReplyTo(),
                        server.createTextMessage("re: " + ((TextMessage) request).getText()));
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
        });
        TopicSession client = conn.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        TopicRequestor requestor = new TopicRequestor(client, service);
        assertThat(text(requestor.request(client.createTextMessage("ping")))).isEqualTo("re: ping");
        requestor.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void correlationIdBytesSurviveTheStore(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("correlation"));
        Message m = s.createMessage();
        byte[] id = {0, 1, 2, (byte) 0xFF, 42};
        m.setJMSCorrelationIDAsBytes(id);
        s.createProducer(q).send(m);
        assertThat(s.createConsumer(q).receive(5000).getJMSCorrelationIDAsBytes()).containsExactly(id);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void receivedMessageHasItsDestinationReplyToAndTypeAndAReadableBody(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("received"));
        Queue replies = s.createQueue(unique("replies"));
        TextMessage m = s.createTextMessage("body");
        m.setJMSReplyTo(replies);
        m.setJMSType("order.v1");
        s.createProducer(q).send(m);
        Message got = s.createConsumer(q).receive(5000);
        assertThat(got.getJMSDestination()).isEqualTo(q);
        assertThat(got.getJMSReplyTo()).isEqualTo(replies);
        assertThat(got.getJMSType()).isEqualTo("order.v1");
        assertThat(got.getBody(String.class)).isEqualTo("body");
        assertThat(got.isBodyAssignableTo(Integer.class)).isFalse();
        assertThatThrownBy(() -> got.getBody(Integer.class)).isInstanceOf(MessageFormatException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void jmsxDeliveryCountIsAnIntOnEveryReceivedMessage(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession(Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("jmsx"));
        send(s, q, "x");
        MessageConsumer c = s.createConsumer(q);
        Message first = c.receive(5000);
        assertThat(first.propertyExists("JMSXDeliveryCount")).isTrue();
        assertThat(first.getObjectProperty("JMSXDeliveryCount")).isInstanceOf(Integer.class).isEqualTo(1);
        assertThat(first.getStringProperty("JMSXDeliveryCount")).isEqualTo("1");
        s.recover();
        Message again = c.receive(5000);
        assertThat(again.getObjectProperty("JMSXDeliveryCount")).isEqualTo(2);
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThatThrownBy(() -> again.setIntProperty("JMSXDeliveryCount", 7))
                .as("received properties are read-only").isInstanceOf(jakarta.jms.MessageNotWriteableException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void selectorsSeeTheHeaderFieldsOfStoredMessages(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("header-selector"));
        MessageProducer p = s.createProducer(q);
        TextMessage low = s.createTextMessage("low");
        low.setJMSType("a");
        p.send(low, DeliveryMode.NON_PERSISTENT, 2, 0);
        TextMessage high = s.createTextMessage("high");
        high.setJMSType("b");
        high.setJMSCorrelationID("c-7");
        p.send(high, DeliveryMode.PERSISTENT, 7, 0);

        assertThat(drain(s.createConsumer(q, "JMSPriority > 5 AND JMSDeliveryMode = 'PERSISTENT' AND JMSType = 'b'"
                + " AND JMSCorrelationID LIKE 'c-%' AND JMSMessageID = '" + high.getJMSMessageID() + "'"
                + " AND JMSTimestamp > 0"))).containsExactly("high");
        assertThat(drain(s.createConsumer(q, "JMSDeliveryMode = 'NON_PERSISTENT'"))).containsExactly("low");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void messageExpiringWhileTheConsumerWaitsIsNotDelivered(TestDatabase db) throws JMSException {
        Connection conn = connect(db);
        conn.stop();
        Session s = conn.createSession();
        Queue q = s.createQueue(unique("expires-waiting"));
        MessageConsumer c = s.createConsumer(q);
        Message m = s.createTextMessage("stale");
        s.createProducer(q).send(m, DeliveryMode.PERSISTENT, 4, 300);
        await().atMost(Duration.ofSeconds(5)).until(() -> System.currentTimeMillis() > m.getJMSExpiration() + 50);
        conn.start();
        assertThat(c.receive(500)).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void objectMessageOfAnUntrustedClassIsRefusedNamingTheOption(TestDatabase db) throws JMSException {
        Session s = connect(factory(db, f -> f.setTrustedPackages("java.,com.acme."))).createSession();
        Queue q = s.createQueue(unique("objects"));
        s.createProducer(q).send(s.createObjectMessage(new Parcel("p-1")));
        ObjectMessage got = (ObjectMessage) s.createConsumer(q).receive(5000);
        assertThatThrownBy(got::getObject).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining(Parcel.class.getName()).hasMessageContaining("trustedPackages");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void objectMessageNestedBeyondTheConsumersDepthLimitIsRefusedNamingTheOption(TestDatabase db) throws JMSException {
        Session s = connect(factory(db, f -> f.setObjectMaxDepth(5))).createSession();
        Queue q = s.createQueue(unique("deep-objects"));
        java.util.ArrayList<Object> nested = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            nested = new java.util.ArrayList<>(java.util.List.of(nested));
        }
        s.createProducer(q).send(s.createObjectMessage(nested));
        ObjectMessage got = (ObjectMessage) s.createConsumer(q).receive(5000);
        assertThatThrownBy(got::getObject).isInstanceOf(MessageFormatException.class)
                .hasMessageContaining("more than 5 levels deep").hasMessageContaining("objectMaxDepth");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sharedDurableConsumerOnTheNameOfAnUnsharedDurableSubscriptionIsRefused(TestDatabase db) throws JMSException {
        Session s = connectAs(db, unique("client")).createSession();
        Topic t = s.createTopic(unique("clash"));
        String name = unique("sub");
        s.createDurableConsumer(t, name);
        assertThatThrownBy(() -> s.createSharedDurableConsumer(t, name)).isInstanceOf(JMSException.class)
                .hasMessageContaining(name);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sharedNonDurableAndDurableSubscriptionsOfOneNameAreSeparate(TestDatabase db) throws JMSException {
        Session s = connectAs(db, unique("client")).createSession();
        Topic t = s.createTopic(unique("same-name"));
        String name = unique("sub");
        MessageConsumer durable = s.createDurableConsumer(t, name);
        MessageConsumer shared = s.createSharedConsumer(t, name);
        s.createProducer(t).send(s.createTextMessage("both"));
        assertThat(text(durable.receive(5000))).isEqualTo("both");
        assertThat(text(shared.receive(5000))).isEqualTo("both");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void noLocalDurableSubscriptionSkipsMessagesOfLaterConnectionsWithItsClientId(TestDatabase db) throws JMSException {
        String clientId = unique("client");
        Topic t;
        String name = unique("sub");
        try (Connection first = factory(db).createConnection()) {
            first.setClientID(clientId);
            Session s = first.createSession();
            t = s.createTopic(unique("nolocal-clientid"));
            s.createDurableSubscriber(t, name, null, true).close();
        }
        try (Connection second = factory(db).createConnection()) {
            second.setClientID(clientId);
            Session s = second.createSession();
            s.createProducer(t).send(s.createTextMessage("same client id"));
        }
        Session stranger = connect(db).createSession();
        stranger.createProducer(t).send(stranger.createTextMessage("other client"));

        Session back = connectAs(db, clientId).createSession();
        assertThat(drain(back.createDurableSubscriber(t, name, null, true))).containsExactly("other client");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void secondConsumerOnAnUnsharedDurableSubscriptionIsRefused(TestDatabase db) throws JMSException {
        Connection conn = connectAs(db, unique("client"));
        Session s = conn.createSession();
        Topic t = s.createTopic(unique("one-active"));
        String name = unique("sub");
        s.createDurableSubscriber(t, name);
        assertThatThrownBy(() -> conn.createSession().createDurableConsumer(t, name))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(name);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void noLocalDurableSubscriberSkipsItsOwnConnectionsMessagesButNotOthers(TestDatabase db) throws JMSException {
        Connection conn = connectAs(db, unique("client"));
        Session s = conn.createSession();
        Topic t = s.createTopic(unique("nolocal-durable"));
        MessageConsumer c = s.createDurableSubscriber(t, unique("sub"), null, true);
        s.createProducer(t).send(s.createTextMessage("mine"));
        Session other = connect(db).createSession();
        other.createProducer(t).send(other.createTextMessage("theirs"));
        assertThat(drain(c)).containsExactly("theirs");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void durableSubscriberWithAnInvalidSelectorFailsAtCreation(TestDatabase db) throws JMSException {
        Session s = connectAs(db, unique("client")).createSession();
        Topic t = s.createTopic(unique("bad-selector"));
        assertThatThrownBy(() -> s.createDurableSubscriber(t, unique("sub"), "a = ", false))
                .isInstanceOf(InvalidSelectorException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void consumerWithAnEmptySelectorReportsNoSelector(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        MessageConsumer c = s.createConsumer(s.createQueue(unique("empty-selector")), "");
        assertThat(c.getMessageSelector()).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void consumerOnANullDestinationIsRefused(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        assertThatThrownBy(() -> s.createConsumer(null)).isInstanceOf(InvalidDestinationException.class);
        assertThatThrownBy(() -> s.createBrowser(null)).isInstanceOf(InvalidDestinationException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void deadLetteredMessageCarriesVendorPropertiesASelectorCanUse(TestDatabase db) throws JMSException {
        Connection conn = connect(factory(db, f -> f.setMaxDeliveryAttempts(1)));
        Session tx = conn.createSession(Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(unique("vendor-props"));
        send(tx, q, "poison");
        tx.commit();
        tx.createConsumer(q).receive(5000);
        tx.rollback();
        Session s = conn.createSession();
        Message dead = s.createConsumer(s.createQueue("DLQ." + q.getQueueName()),
                "JMS_TableMQ_DLQOrigin LIKE '%" + q.getQueueName() + "%'").receive(5000);
        assertThat(text(dead)).isEqualTo("poison");
        assertThat(Collections.list(dead.getPropertyNames())).contains("JMS_TableMQ_DLQReason", "JMS_TableMQ_DLQOrigin");
        assertThat(dead.getStringProperty("JMS_TableMQ_DLQReason")).contains("maxDeliveryAttempts");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void connectionCloseWaitsForARunningListenerToReturn(TestDatabase db) throws Exception {
        Connection conn = connect(db);
        Session s = conn.createSession();
        Queue q = s.createQueue(unique("close-waits"));
        java.util.concurrent.CountDownLatch inListener = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean returned = new java.util.concurrent.atomic.AtomicBoolean();
        s.createConsumer(q).setMessageListener(m -> {
            inListener.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            returned.set(true);
        });
        send(connect(db).createSession(), q, "slow");
        assertThat(inListener.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> {
            try {
                conn.close();
            } catch (JMSException e) {
                throw new RuntimeException(e);
            }
        });
        await().pollDelay(Duration.ofMillis(300)).until(() -> !closing.isDone());
        release.countDown();
        closing.get(10, TimeUnit.SECONDS);
        assertThat(returned).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void durableSubscriptionReattachedWithAnotherSelectorStartsAfresh(TestDatabase db) throws JMSException {
        String clientId = unique("client");
        String name = unique("sub");
        Topic t;
        try (Connection first = factory(db).createConnection()) {
            first.setClientID(clientId);
            Session s = first.createSession();
            t = s.createTopic(unique("resubscribe"));
            s.createDurableSubscriber(t, name, "kind = 'a'", false).close();
            TextMessage m = s.createTextMessage("old a");
            m.setStringProperty("kind", "a");
            s.createProducer(t).send(m);
        }
        Session s = connectAs(db, clientId).createSession();
        MessageConsumer replaced = s.createDurableSubscriber(t, name, "kind = 'b'", false);
        TextMessage b = s.createTextMessage("new b");
        b.setStringProperty("kind", "b");
        s.createProducer(t).send(b);
        assertThat(drain(replaced)).containsExactly("new b");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unsubscribeWhileAConsumedMessageIsInAPendingTransactionIsRefused(TestDatabase db) throws JMSException {
        Connection conn = connectAs(db, unique("client"));
        Session tx = conn.createSession(Session.SESSION_TRANSACTED);
        Topic t = tx.createTopic(unique("pending"));
        String name = unique("sub");
        MessageConsumer c = tx.createDurableSubscriber(t, name);
        tx.createProducer(t).send(tx.createTextMessage("pending"));
        tx.commit();
        assertThat(c.receive(5000)).isNotNull();
        c.close();
        assertThatThrownBy(() -> tx.unsubscribe(name)).isInstanceOf(JMSException.class).hasMessageContaining(name);
        tx.rollback();
        tx.unsubscribe(name);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void consumerOnADeletedTemporaryQueueIsRefused(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        jakarta.jms.TemporaryQueue temp = s.createTemporaryQueue();
        temp.delete();
        assertThatThrownBy(() -> s.createConsumer(temp)).isInstanceOf(InvalidDestinationException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void receivedBytesAndStreamMessagesAreReadableAndClearBodyMakesThemWritable(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("bodies"));
        MessageProducer p = s.createProducer(q);
        jakarta.jms.BytesMessage bytes = s.createBytesMessage();
        bytes.writeInt(42);
        p.send(bytes);
        jakarta.jms.StreamMessage stream = s.createStreamMessage();
        stream.writeString("s");
        p.send(stream);
        MessageConsumer c = s.createConsumer(q);
        jakarta.jms.BytesMessage gotBytes = (jakarta.jms.BytesMessage) c.receive(5000);
        assertThat(gotBytes.getBodyLength()).isEqualTo(4);
        assertThat(gotBytes.readInt()).isEqualTo(42);
        assertThatThrownBy(() -> gotBytes.writeInt(1)).isInstanceOf(jakarta.jms.MessageNotWriteableException.class);
        gotBytes.clearBody();
        gotBytes.writeInt(7);
        jakarta.jms.StreamMessage gotStream = (jakarta.jms.StreamMessage) c.receive(5000);
        assertThat(gotStream.readString()).isEqualTo("s");
        assertThatThrownBy(() -> gotStream.setStringProperty("p", "v"))
                .isInstanceOf(jakarta.jms.MessageNotWriteableException.class);
        gotStream.clearProperties();
        gotStream.setStringProperty("p", "v");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unsubscribeWhileAClientAcknowledgeMessageIsUnacknowledgedIsRefused(TestDatabase db) throws JMSException {
        Connection conn = connectAs(db, unique("client"));
        Session s = conn.createSession(Session.CLIENT_ACKNOWLEDGE);
        Topic t = s.createTopic(unique("unacked"));
        String name = unique("sub");
        MessageConsumer c = s.createDurableSubscriber(t, name);
        s.createProducer(t).send(s.createTextMessage("unacked"));
        Message m = c.receive(5000);
        c.close();
        assertThatThrownBy(() -> s.unsubscribe(name)).isInstanceOf(JMSException.class).hasMessageContaining(name);
        m.acknowledge();
        s.unsubscribe(name);
        assertThatThrownBy(() -> s.unsubscribe(name)).as("it is gone").isInstanceOf(InvalidDestinationException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aReceivedMessageCanBeSentOnAndGetsNewHeaderFields(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue in = s.createQueue(unique("in"));
        Queue out = s.createQueue(unique("out"));
        TextMessage original = s.createTextMessage("forward me");
        original.setStringProperty("hop", "1");
        s.createProducer(in).send(original);
        Message received = s.createConsumer(in).receive(5000);
        s.createProducer(out).send(received, DeliveryMode.NON_PERSISTENT, 6, 0);
        assertThat(received.getJMSDestination()).isEqualTo(out);
        assertThat(received.getJMSMessageID()).isNotEqualTo(original.getJMSMessageID());
        Message forwarded = s.createConsumer(out).receive(5000);
        assertThat(text(forwarded)).isEqualTo("forward me");
        assertThat(forwarded.getStringProperty("hop")).isEqualTo("1");
        assertThat(forwarded.getJMSPriority()).isEqualTo(6);
        assertThat(forwarded.getJMSRedelivered()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void changingAMessageAfterSendDoesNotChangeWhatWasSent(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("reuse"));
        MessageProducer p = s.createProducer(q);
        TextMessage m = s.createTextMessage("first");
        p.send(m);
        String firstId = m.getJMSMessageID();
        m.setText("second");
        p.send(m);
        assertThat(m.getJMSMessageID()).isNotEqualTo(firstId);
        MessageConsumer c = s.createConsumer(q);
        Message one = c.receive(5000);
        assertThat(text(one)).isEqualTo("first");
        assertThat(one.getJMSMessageID()).isEqualTo(firstId);
        assertThat(text(c.receive(5000))).isEqualTo("second");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void defaultPriorityIsFourAndDefaultDeliveryModeIsPersistent(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("defaults"));
        s.createProducer(q).send(s.createMessage());
        Message got = s.createConsumer(q).receive(5000);
        assertThat(got.getJMSPriority()).isEqualTo(4);
        assertThat(got.getJMSDeliveryMode()).isEqualTo(DeliveryMode.PERSISTENT);
        assertThat(got.getJMSExpiration()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void stoppingItsOwnConnectionFromAListenerIsRefused(TestDatabase db) throws JMSException {
        Connection conn = connect(db);
        Session s = conn.createSession();
        Queue q = s.createQueue(unique("listener-stops"));
        AtomicReference<Throwable> refused = new AtomicReference<>();
        s.createConsumer(q).setMessageListener(m -> {
            try {
                conn.stop();
                refused.set(new AssertionError("stop returned"));
            } catch (Throwable e) {
                refused.set(e);
            }
        });
        send(connect(db).createSession(), q, "x");
        await().atMost(Duration.ofSeconds(10)).until(() -> refused.get() != null);
        assertThat(refused.get()).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anyConnectionMaySendToATemporaryQueue(TestDatabase db) throws JMSException {
        Session owner = connect(db).createSession();
        jakarta.jms.TemporaryQueue temp = owner.createTemporaryQueue();
        MessageConsumer c = owner.createConsumer(temp);
        Session other = connect(db).createSession();
        other.createProducer(temp).send(other.createTextMessage("from elsewhere"));
        assertThat(text(c.receive(5000))).isEqualTo("from elsewhere");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void messagesOfOneTransactionArriveInSendOrderWithinAPriority(TestDatabase db) throws JMSException {
        Connection conn = connect(db);
        Session tx = conn.createSession(Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(unique("tx-order"));
        MessageProducer p = tx.createProducer(q);
        for (int i = 0; i < 20; i++) {
            p.send(tx.createTextMessage("m" + i), DeliveryMode.PERSISTENT, i % 2 == 0 ? 4 : 8, 0);
        }
        tx.commit();
        java.util.List<String> expected = new java.util.ArrayList<>();
        for (int i = 1; i < 20; i += 2) {
            expected.add("m" + i);
        }
        for (int i = 0; i < 20; i += 2) {
            expected.add("m" + i);
        }
        assertThat(drain(conn.createSession().createConsumer(q))).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void browserOfAClosedConnectionRefusesToEnumerate(TestDatabase db) throws JMSException {
        Connection conn = connect(db);
        Session s = conn.createSession();
        jakarta.jms.QueueBrowser b = s.createBrowser(s.createQueue(unique("closed-browser")));
        conn.close();
        assertThatThrownBy(b::getEnumeration).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void groupPropertiesSetByTheApplicationArriveWithTheirTypes(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(unique("groups"));
        Message m = s.createMessage();
        m.setStringProperty("JMSXGroupID", "order-7");
        m.setIntProperty("JMSXGroupSeq", 3);
        s.createProducer(q).send(m);
        Message got = s.createConsumer(q, "JMSXGroupID = 'order-7' AND JMSXGroupSeq = 3").receive(5000);
        assertThat(got).isNotNull();
        assertThat(got.getObjectProperty("JMSXGroupSeq")).isInstanceOf(Integer.class).isEqualTo(3);
    }
}
