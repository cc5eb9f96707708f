package org.tablemq.jms.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.BytesMessage;
import jakarta.jms.CompletionListener;
import jakarta.jms.DeliveryMode;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.InvalidSelectorRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;

/** Sending and receiving with JMSContext, JMSProducer and JMSConsumer against the real provider. */
class ContextMessagingTest extends ContextTestSupport {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aStringBodyArrivesAsATextMessage(TestDatabase db) throws Exception {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);

        context.createProducer().send(queue, "hello");

        Message m = context.createConsumer(queue).receive(RECEIVE_TIMEOUT_MS);
        assertThat(m).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) m).getText()).isEqualTo("hello");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyBodyTypeComesBackThroughReceiveBody(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", 7);
        map.put("name", "seven");
        ArrayList<String> object = new ArrayList<>(java.util.List.of("a", "b"));

        context.createProducer().send(queue, "text").send(queue, map).send(queue, new byte[] {1, 2, 3}).send(queue, object);

        JMSConsumer consumer = context.createConsumer(queue);
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("text");
        assertThat(consumer.receiveBody(Map.class, RECEIVE_TIMEOUT_MS)).isEqualTo(map);
        assertThat(consumer.receiveBody(byte[].class, RECEIVE_TIMEOUT_MS)).containsExactly(1, 2, 3);
        assertThat(consumer.receiveBody(java.io.Serializable.class, RECEIVE_TIMEOUT_MS)).isEqualTo(object);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nullBodiesSendMessagesOfTheRightTypeWithoutBody(TestDatabase db) throws Exception {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);

        context.createProducer().send(queue, (String) null).send(queue, (Map<String, Object>) null)
                .send(queue, (byte[]) null).send(queue, (java.io.Serializable) null);

        JMSConsumer consumer = context.createConsumer(queue);
        Message text = consumer.receive(RECEIVE_TIMEOUT_MS);
        Message map = consumer.receive(RECEIVE_TIMEOUT_MS);
        Message bytes = consumer.receive(RECEIVE_TIMEOUT_MS);
        Message object = consumer.receive(RECEIVE_TIMEOUT_MS);
        assertThat(text).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) text).getText()).isNull();
        assertThat(map).isInstanceOf(MapMessage.class);
        assertThat(((MapMessage) map).getMapNames().hasMoreElements()).isFalse();
        assertThat(bytes).isInstanceOf(BytesMessage.class);
        assertThat(((BytesMessage) bytes).getBodyLength()).isZero();
        assertThat(object).isInstanceOf(ObjectMessage.class);
        assertThat(((ObjectMessage) object).getObject()).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void producerPropertiesAndHeadersArriveOnTheMessage(TestDatabase db) throws Exception {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        Queue replyTo = freshQueue(context);

        context.createProducer().setProperty("region", "eu").setProperty("amount", 12L).setProperty("urgent", true)
                .setJMSCorrelationID("order-1").setJMSType("payment").setJMSReplyTo(replyTo)
                .setPriority(7).setDeliveryMode(DeliveryMode.NON_PERSISTENT).send(queue, "x");

        Message m = context.createConsumer(queue).receive(RECEIVE_TIMEOUT_MS);
        assertThat(m.getStringProperty("region")).isEqualTo("eu");
        assertThat(m.getLongProperty("amount")).isEqualTo(12L);
        assertThat(m.getBooleanProperty("urgent")).isTrue();
        assertThat(m.getJMSCorrelationID()).isEqualTo("order-1");
        assertThat(m.getJMSType()).isEqualTo("payment");
        assertThat(((Queue) m.getJMSReplyTo()).getQueueName()).isEqualTo(replyTo.getQueueName());
        assertThat(m.getJMSPriority()).isEqualTo(7);
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSelectorOnAContextConsumerFiltersByProducerProperties(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        context.createProducer().setProperty("region", "us").send(queue, "us")
                .setProperty("region", "eu").send(queue, "eu");

        JMSConsumer consumer = context.createConsumer(queue, "region = 'eu'");

        assertThat(consumer.getMessageSelector()).isEqualTo("region = 'eu'");
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("eu");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anInvalidSelectorFailsAtCreationWithInvalidSelectorRuntimeException(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);

        assertThatThrownBy(() -> context.createConsumer(queue, "region = = 'eu'"))
                .isInstanceOf(InvalidSelectorRuntimeException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sendingToANullDestinationThrowsInvalidDestinationRuntimeException(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);

        assertThatThrownBy(() -> context.createProducer().send(null, "x"))
                .isInstanceOf(InvalidDestinationRuntimeException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sendingANullMessageThrowsMessageFormatRuntimeException(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);

        assertThatThrownBy(() -> context.createProducer().send(queue, (Message) null))
                .isInstanceOf(MessageFormatRuntimeException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMapBodyWithAnInvalidValueTypeIsRefused(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);

        assertThatThrownBy(() -> context.createProducer().send(queue, Map.of("when", new java.util.Date())))
                .isInstanceOf(MessageFormatRuntimeException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDelayedMessageIsNotDeliveredBeforeItsDeliveryTime(TestDatabase db) throws Exception {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        long before = System.currentTimeMillis();

        context.createProducer().setDeliveryDelay(1500).send(queue, "later");

        Message m = context.createConsumer(queue).receive(RECEIVE_TIMEOUT_MS);
        assertThat(m).isNotNull();
        assertThat(System.currentTimeMillis() - before).isGreaterThanOrEqualTo(1500);
        assertThat(m.getJMSDeliveryTime()).isGreaterThanOrEqualTo(before + 1500);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anExpiredMessageIsNeverDelivered(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        TextMessage stale = context.createTextMessage("stale");
        context.createProducer().setTimeToLive(1).send(queue, stale);
        context.createProducer().send(queue, "fresh");
        // a receive within the message's one millisecond of life may legitimately get it: wait until it is over
        await().until(() -> System.currentTimeMillis() > stale.getJMSExpiration());

        assertThat(context.createConsumer(queue).receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("fresh");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void anAsyncSendCallsTheCompletionListener(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        AtomicReference<Object> outcome = new AtomicReference<>();

        context.createProducer().setAsync(new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                outcome.set(message);
            }

            @Override
            public void onException(Message message, Exception exception) {
                outcome.set(exception);
            }
        }).send(queue, "async");

        await().atMost(Duration.ofSeconds(10)).until(() -> outcome.get() != null);
        assertThat(outcome.get()).isInstanceOf(TextMessage.class);
        assertThat(context.createConsumer(queue).receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("async");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void committingItsOwnContextFromACompletionListenerIsRefused(TestDatabase db) {
        JMSContext context = context(db, JMSContext.SESSION_TRANSACTED);
        Queue queue = freshQueue(context);
        AtomicReference<Throwable> refused = new AtomicReference<>();

        context.createProducer().setAsync(new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                try {
                    context.commit();
                } catch (RuntimeException e) {
                    refused.set(e);
                }
            }

            @Override
            public void onException(Message message, Exception exception) {
                refused.set(exception);
            }
        }).send(queue, "async");

        await().atMost(Duration.ofSeconds(10)).until(() -> refused.get() != null);
        assertThat(refused.get()).isInstanceOf(jakarta.jms.IllegalStateRuntimeException.class);
        context.rollback();
    }

    /** Only a MessageListener may not stop its own context; the spec forbids a CompletionListener close/commit/rollback. */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void stoppingItsOwnContextFromACompletionListenerIsAllowed(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        JMSConsumer consumer = context.createConsumer(queue);
        AtomicReference<Object> outcome = new AtomicReference<>();

        context.createProducer().setAsync(new CompletionListener() {
            @Override
            public void onCompletion(Message message) {
                try {
                    context.stop();
                    outcome.set("stopped");
                } catch (RuntimeException e) {
                    outcome.set(e);
                }
            }

            @Override
            public void onException(Message message, Exception exception) {
                outcome.set(exception);
            }
        }).send(queue, "async");

        await().atMost(Duration.ofSeconds(10)).until(() -> outcome.get() != null);
        assertThat(outcome.get()).isEqualTo("stopped");
        assertThat(consumer.receiveNoWait()).as("the stopped context delivers nothing").isNull();
        context.start();
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("async");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void contextsCreatedFromAContextShareItsConnectionButNotItsSession(TestDatabase db) {
        JMSContext first = context(db, JMSContext.SESSION_TRANSACTED);
        JMSContext second = first.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(first);

        JMSConsumer consumer = second.createConsumer(queue);
        first.createProducer().send(queue, "tx");
        assertThat(consumer.receive(ABSENCE_MS)).as("uncommitted send is invisible").isNull();
        first.commit();

        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("tx");
        first.close();
        second.createProducer().send(queue, "still open");
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("still open");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void withAutoStartOffNothingIsDeliveredUntilStart(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        context.setAutoStart(false);
        Queue queue = freshQueue(context);
        context.createProducer().send(queue, "waiting");

        JMSConsumer consumer = context.createConsumer(queue);
        assertThat(consumer.receive(ABSENCE_MS)).isNull();

        context.start();
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("waiting");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRequestIsAnsweredOnItsTemporaryReplyQueue(TestDatabase db) throws Exception {
        JMSContext client = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        JMSContext server = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue requests = freshQueue(client);
        TemporaryQueue replies = client.createTemporaryQueue();

        client.createProducer().setJMSReplyTo(replies).setJMSCorrelationID("r1").send(requests, "ping");
        Message request = server.createConsumer(requests).receive(RECEIVE_TIMEOUT_MS);
        server.createProducer().setJMSCorrelationID(request.getJMSCorrelationID())
                .send(request.getJMSReplyTo(), "pong");

        Message reply = client.createConsumer(replies).receive(RECEIVE_TIMEOUT_MS);
        assertThat(reply.getBody(String.class)).isEqualTo("pong");
        assertThat(reply.getJMSCorrelationID()).isEqualTo("r1");
    }
}
