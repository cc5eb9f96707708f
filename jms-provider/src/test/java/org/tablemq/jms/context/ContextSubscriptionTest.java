package org.tablemq.jms.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Topic;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;

/** Topics through a JMSContext: plain, durable, shared and shared-durable consumers, unsubscribe, client ids. */
class ContextSubscriptionTest extends ContextTestSupport {

    private static Topic freshTopic(JMSContext context) {
        return context.createTopic("t-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private static String uniqueId(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void everyTopicConsumerGetsEachMessage(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Topic topic = freshTopic(context);
        JMSConsumer first = context.createConsumer(topic);
        JMSConsumer second = context.createConsumer(topic);

        context.createProducer().send(topic, "news");

        assertThat(first.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("news");
        assertThat(second.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("news");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDurableConsumerGetsWhatWasPublishedWhileItWasAway(TestDatabase db) {
        String clientId = uniqueId("client");
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        context.setClientID(clientId);
        Topic topic = freshTopic(context);
        context.createDurableConsumer(topic, "audit").close();

        context(db, JMSContext.AUTO_ACKNOWLEDGE).createProducer().send(topic, "while away");

        JMSConsumer back = context.createDurableConsumer(topic, "audit");
        assertThat(back.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("while away");
        back.close();
        context.unsubscribe("audit");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDurableConsumerWithASelectorOnlyKeepsMatchingMessages(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        context.setClientID(uniqueId("client"));
        Topic topic = freshTopic(context);
        JMSConsumer consumer = context.createDurableConsumer(topic, "eu-only", "region = 'eu'", false);

        context.createProducer().setProperty("region", "us").send(topic, "us").setProperty("region", "eu").send(topic, "eu");

        assertThat(consumer.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("eu");
        assertThat(consumer.receive(ABSENCE_MS)).isNull();
        consumer.close();
        context.unsubscribe("eu-only");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sharedConsumersOfOneSubscriptionSplitTheMessages(TestDatabase db) {
        JMSContext first = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        JMSContext second = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Topic topic = freshTopic(first);
        JMSConsumer a = first.createSharedConsumer(topic, "workers");
        JMSConsumer b = second.createSharedConsumer(topic, "workers");

        first.createProducer().send(topic, "only once");

        String gotA = a.receiveBody(String.class, ABSENCE_MS);
        String gotB = b.receiveBody(String.class, gotA == null ? RECEIVE_TIMEOUT_MS : ABSENCE_MS);
        assertThat(gotA == null ? gotB : gotA).isEqualTo("only once");
        assertThat(gotA == null || gotB == null).as("delivered to one shared consumer only").isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aSharedDurableSubscriptionOutlivesItsConsumers(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Topic topic = freshTopic(context);
        String name = uniqueId("shared");
        context.createSharedDurableConsumer(topic, name).close();

        context.createProducer().send(topic, "kept for the subscription");

        JMSConsumer back = context.createSharedDurableConsumer(topic, name);
        assertThat(back.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("kept for the subscription");
        back.close();
        context.unsubscribe(name);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unsubscribingAnUnknownSubscriptionThrowsInvalidDestinationRuntimeException(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);

        assertThatThrownBy(() -> context.unsubscribe(uniqueId("nobody")))
                .isInstanceOf(InvalidDestinationRuntimeException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unsubscribingWhileItsConsumerIsOpenIsRefused(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        context.setClientID(uniqueId("client"));
        Topic topic = freshTopic(context);
        JMSConsumer consumer = context.createDurableConsumer(topic, "busy");

        assertThatThrownBy(() -> context.unsubscribe("busy")).isInstanceOf(JMSRuntimeException.class);
        consumer.close();
        context.unsubscribe("busy");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theClientIdCannotBeSetOnceTheContextHasBeenUsed(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        freshTopic(context);

        assertThatThrownBy(() -> context.setClientID(uniqueId("late"))).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void theClientIdSetOnAContextIsTheConnections(TestDatabase db) {
        JMSContext context = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        String clientId = uniqueId("client");

        context.setClientID(clientId);

        assertThat(context.getClientID()).isEqualTo(clientId);
        try (JMSContext shared = context.createContext(JMSContext.AUTO_ACKNOWLEDGE)) {
            assertThat(shared.getClientID()).isEqualTo(clientId);
        }
    }
}
