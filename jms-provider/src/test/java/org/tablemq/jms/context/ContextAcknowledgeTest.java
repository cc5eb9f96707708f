package org.tablemq.jms.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;

/** Session modes of a JMSContext: acknowledge, recover, commit/rollback, and receiveBody's three failure cases. */
class ContextAcknowledgeTest extends ContextTestSupport {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void autoAcknowledgeReceiveBodyOfTheWrongTypeDeliversTheSameMessageNextWithoutRedelivery(TestDatabase db)
            throws Exception {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        context.createProducer().send(queue, "text").send(queue, "second");
        JMSConsumer consumer = context.createConsumer(queue);

        assertThatThrownBy(() -> consumer.receiveBody(byte[].class, RECEIVE_TIMEOUT_MS))
                .isInstanceOf(MessageFormatRuntimeException.class);

        Message again = consumer.receive(RECEIVE_TIMEOUT_MS);
        assertThat(again.getBody(String.class)).isEqualTo("text");
        assertThat(again.getJMSRedelivered()).isFalse();
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("second");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMessageHeldBackByAConsumerThatClosesGoesToTheNextConsumer(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        context.createProducer().send(queue, "text");
        JMSConsumer first = context.createConsumer(queue);
        assertThatThrownBy(() -> first.receiveBody(byte[].class, RECEIVE_TIMEOUT_MS))
                .isInstanceOf(MessageFormatRuntimeException.class);

        first.close();

        assertThat(context.createConsumer(queue).receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("text");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aMessageHeldBackIsNotAcknowledgedByAnotherConsumerOfTheContext(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue held = freshQueue(context);
        Queue other = freshQueue(context);
        context.createProducer().send(held, "held").send(other, "other");
        JMSConsumer first = context.createConsumer(held);
        JMSConsumer second = context.createConsumer(other);
        assertThatThrownBy(() -> first.receiveBody(byte[].class, RECEIVE_TIMEOUT_MS))
                .isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(second.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("other");

        first.close();
        second.close();

        assertThat(context.createConsumer(held).receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("held");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void autoAcknowledgeReceiveBodyAcknowledgesTheMessage(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        context.createProducer().send(queue, "once");

        assertThat(context.createConsumer(queue).receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("once");
        context.close();

        JMSContext later = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        assertThat(later.createConsumer(queue).receive(ABSENCE_MS)).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void clientAcknowledgeReceiveBodyOfTheWrongTypeConsumesTheMessageUntilRecover(TestDatabase db) throws Exception {
        JMSContext context = context(db, JMSContext.CLIENT_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        context.createProducer().send(queue, "text");
        JMSConsumer consumer = context.createConsumer(queue);

        assertThatThrownBy(() -> consumer.receiveBody(Map.class, RECEIVE_TIMEOUT_MS))
                .isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(consumer.receive(ABSENCE_MS)).isNull();

        context.recover();
        Message again = consumer.receive(RECEIVE_TIMEOUT_MS);
        assertThat(again.getBody(String.class)).isEqualTo("text");
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void transactedReceiveBodyOfTheWrongTypeIsRedeliveredAfterRollback(TestDatabase db) throws Exception {
        JMSContext context = context(db, JMSContext.SESSION_TRANSACTED);
        Queue queue = freshQueue(context);
        context.createProducer().send(queue, "text");
        context.commit();
        JMSConsumer consumer = context.createConsumer(queue);

        assertThatThrownBy(() -> consumer.receiveBody(Map.class, RECEIVE_TIMEOUT_MS))
                .isInstanceOf(MessageFormatRuntimeException.class);
        assertThat(consumer.receive(ABSENCE_MS)).isNull();

        context.rollback();
        Message again = consumer.receive(RECEIVE_TIMEOUT_MS);
        assertThat(again.getJMSRedelivered()).isTrue();
        context.commit();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void clientAcknowledgeMessagesComeBackUntilTheContextAcknowledges(TestDatabase db) {
        JMSContext context = context(db, JMSContext.CLIENT_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        context.createProducer().send(queue, "a").send(queue, "b");
        JMSConsumer consumer = context.createConsumer(queue);
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("a");
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("b");

        context.recover();
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("a");
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("b");
        context.acknowledge();
        context.close();

        JMSContext later = context(db, JMSContext.CLIENT_ACKNOWLEDGE);
        assertThat(later.createConsumer(queue).receive(ABSENCE_MS)).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unacknowledgedClientMessagesAreRedeliveredAfterTheContextCloses(TestDatabase db) throws Exception {
        JMSContext context = context(db, JMSContext.CLIENT_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        context.createProducer().send(queue, "kept");
        assertThat(context.createConsumer(queue).receive(RECEIVE_TIMEOUT_MS)).isNotNull();
        context.close();

        JMSContext later = context(db, JMSContext.CLIENT_ACKNOWLEDGE);
        Message again = later.createConsumer(queue).receive(RECEIVE_TIMEOUT_MS);
        assertThat(again.getBody(String.class)).isEqualTo("kept");
        assertThat(again.getJMSRedelivered()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aRolledBackSendIsNeverDelivered(TestDatabase db) {
        JMSContext context = context(db, JMSContext.SESSION_TRANSACTED);
        Queue queue = freshQueue(context);

        context.createProducer().send(queue, "discarded");
        context.rollback();
        context.createProducer().send(queue, "kept");
        context.commit();

        JMSConsumer consumer = context.createConsumer(queue);
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("kept");
        context.commit();
        assertThat(consumer.receive(ABSENCE_MS)).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aListenerOnAnAutoAcknowledgeContextConsumesEachMessageOnce(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        List<String> received = new CopyOnWriteArrayList<>();
        JMSConsumer consumer = context.createConsumer(queue);
        consumer.setMessageListener(m -> received.add(body(m)));

        // a session with a listener belongs to its delivery thread: send through another context
        context(db, JMSContext.AUTO_ACKNOWLEDGE).createProducer().send(queue, "1").send(queue, "2").send(queue, "3");

        await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 3);
        assertThat(received).containsExactly("1", "2", "3");
        assertThat(consumer.getMessageListener()).isNotNull();
        consumer.close();
        context.close();
        JMSContext later = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        assertThat(later.createConsumer(queue).receive(ABSENCE_MS)).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aListenerThatThrowsInAutoAcknowledgeModeGetsTheMessageAgainAsRedelivered(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        List<Boolean> redeliveredFlags = new CopyOnWriteArrayList<>();
        context.createConsumer(queue).setMessageListener(m -> {
            try {
                redeliveredFlags.add(m.getJMSRedelivered());
            } catch (jakarta.jms.JMSException e) {
                throw new IllegalStateException(e);
            }
            if (redeliveredFlags.size() == 1) {
                throw new IllegalStateException("first delivery fails on purpose");
            }
        });

        context(db, JMSContext.AUTO_ACKNOWLEDGE).createProducer().send(queue, "poison once");

        await().atMost(Duration.ofSeconds(10)).until(() -> redeliveredFlags.size() >= 2);
        assertThat(redeliveredFlags.subList(0, 2)).containsExactly(false, true);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void closingItsOwnContextFromAMessageListenerIsRefused(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        context.createConsumer(queue).setMessageListener(m -> {
            try {
                context.close();
                outcome.set(new AssertionError("close from the listener succeeded"));
            } catch (RuntimeException e) {
                outcome.set(e);
            }
        });

        context(db, JMSContext.AUTO_ACKNOWLEDGE).createProducer().send(queue, "x");

        await().atMost(Duration.ofSeconds(10)).until(() -> outcome.get() != null);
        assertThat(outcome.get()).isInstanceOf(IllegalStateRuntimeException.class);
    }

    private static String body(Message m) {
        try {
            return m.getBody(String.class);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
