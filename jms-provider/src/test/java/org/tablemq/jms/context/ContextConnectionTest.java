package org.tablemq.jms.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.ExceptionListener;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSSecurityRuntimeException;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TemporaryTopic;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;

/** A JMSContext's connection-level calls, browsing, temporary topics, noLocal and DUPS_OK, on the real provider. */
class ContextConnectionTest extends ContextTestSupport {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theMetadataNamesTheProviderAndJmsVersion(TestDatabase db) throws Exception {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);

        assertThat(context.getMetaData().getJMSProviderName()).containsIgnoringCase("TableMQ");
        assertThat(context.getMetaData().getJMSMajorVersion()).isGreaterThanOrEqualTo(3);
    }

    /** The javadoc of createContext(user, password): JMSSecurityRuntimeException "if client authentication fails". */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void wrongCredentialsGiveJMSSecurityRuntimeException(TestDatabase db) {
        context(db, JMSContext.AUTO_ACKNOWLEDGE);   // the database exists (H2 creates it on first use): only the login fails
        String user = db == TestDatabase.H2 ? db.user() : "tablemq_no_such_user";

        assertThatThrownBy(() -> factory(db).createContext(user, "wrong-password"))
                .isInstanceOf(JMSSecurityRuntimeException.class).hasMessageContaining("SQLState 28");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theExceptionListenerIsThatOfTheConnection(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        ExceptionListener listener = e -> { };

        context.setExceptionListener(listener);

        assertThat(context.getExceptionListener()).isSameAs(listener);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aBrowserShowsMessagesWithoutConsumingThem(TestDatabase db) throws Exception {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        context.createProducer().send(queue, "a").setProperty("keep", true).send(queue, "b");

        List<String> all = texts(context.createBrowser(queue));
        List<String> selected = texts(context.createBrowser(queue, "keep = TRUE"));

        assertThat(all).containsExactly("a", "b");
        assertThat(selected).containsExactly("b");
        assertThat(context.createConsumer(queue).receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("a");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTemporaryTopicReachesItsSubscribers(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        TemporaryTopic topic = context.createTemporaryTopic();
        JMSConsumer consumer = context.createConsumer(topic);

        context.createProducer().send(topic, "temp");

        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("temp");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aNoLocalConsumerDoesNotSeeMessagesOfItsOwnConnection(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        JMSContext other = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Topic topic = context.createTopic("t-" + UUID.randomUUID().toString().substring(0, 8));
        JMSConsumer noLocal = context.createConsumer(topic, null, true);

        context.createProducer().send(topic, "mine");
        other.createProducer().send(topic, "theirs");

        assertThat(noLocal.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("theirs");
        assertThat(noLocal.receive(ABSENCE_MS)).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void dupsOkAcknowledgesWhatItReceives(TestDatabase db) {
        JMSContext context = context(db, JMSContext.DUPS_OK_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        context.createProducer().send(queue, "1").send(queue, "2");
        JMSConsumer consumer = context.createConsumer(queue);

        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("1");
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("2");
        assertThat(consumer.receiveBodyNoWait(String.class)).isNull();
        context.close();

        JMSContext later = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        assertThat(later.createConsumer(queue).receive(ABSENCE_MS)).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void stoppingItsOwnContextFromAMessageListenerIsRefused(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        context.createConsumer(queue).setMessageListener(m -> {
            try {
                context.stop();
                outcome.set(new AssertionError("stop from the listener succeeded"));
            } catch (RuntimeException e) {
                outcome.set(e);
            }
        });

        context(db, JMSContext.AUTO_ACKNOWLEDGE).createProducer().send(queue, "x");

        await().atMost(Duration.ofSeconds(10)).until(() -> outcome.get() != null);
        assertThat(outcome.get()).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aStoppedContextDeliversNothingUntilRestarted(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue queue = freshQueue(context);
        JMSConsumer consumer = context.createConsumer(queue);
        context.stop();

        context(db, JMSContext.AUTO_ACKNOWLEDGE).createProducer().send(queue, "paused");
        assertThat(consumer.receive(ABSENCE_MS)).isNull();

        context.start();
        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("paused");
    }

    private static List<String> texts(QueueBrowser browser) throws Exception {
        List<String> texts = new ArrayList<>();
        for (Object m : Collections.list(browser.getEnumeration())) {
            texts.add(((TextMessage) m).getText());
        }
        browser.close();
        return texts;
    }
}
