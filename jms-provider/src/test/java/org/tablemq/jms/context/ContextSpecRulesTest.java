package org.tablemq.jms.context;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.DeliveryMode;
import jakarta.jms.IllegalStateRuntimeException;
import jakarta.jms.InvalidDestinationRuntimeException;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.MessageFormatRuntimeException;
import jakarta.jms.ObjectMessage;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.io.Serializable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;

/**
 * Simplified-API rules of Jakarta Messaging 3.1 (JMSProducer, JMSConsumer, JMSContext Javadoc) that the other
 * context tests leave open: header fields a send sets on the application's message, overriding of headers the
 * application set, and the durable and closed-state rules of JMSContext.
 */
class ContextSpecRulesTest extends ContextTestSupport {

    /** An ObjectMessage body from a package the default trustedPackages (the JDK's value types only) does not trust. */
    record Parcel(String id) implements Serializable {
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void receiveBodyOfAnUntrustedClassNamesTheRefusalAndTheOption(TestDatabase db) {
        JMSContext ctx = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue q = freshQueue(ctx);
        ctx.createProducer().send(q, new Parcel("p-1"));
        JMSConsumer c = ctx.createConsumer(q);

        assertThatThrownBy(() -> c.receiveBody(Serializable.class, RECEIVE_TIMEOUT_MS))
                .isInstanceOf(MessageFormatRuntimeException.class)
                .hasMessageContaining("Refused to deserialize").hasMessageContaining(Parcel.class.getName())
                .hasMessageContaining("trustedPackages");
        assertThat(c.receive(RECEIVE_TIMEOUT_MS)).as("AUTO_ACKNOWLEDGE keeps the message, next in line")
                .isInstanceOf(ObjectMessage.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sendSetsTheHeaderFieldsOnTheApplicationsMessage(TestDatabase db) throws Exception {
        JMSContext ctx = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue q = freshQueue(ctx);
        TextMessage m = ctx.createTextMessage("headers");
        m.setJMSPriority(1);
        m.setJMSExpiration(99);
        long before = System.currentTimeMillis();
        ctx.createProducer().setPriority(7).setTimeToLive(60_000).setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                .send(q, m);
        assertThat(m.getJMSDestination()).isEqualTo(q);
        assertThat(m.getJMSMessageID()).startsWith("ID:");
        assertThat(m.getJMSPriority()).isEqualTo(7);
        assertThat(m.getJMSDeliveryMode()).isEqualTo(DeliveryMode.NON_PERSISTENT);
        assertThat(m.getJMSTimestamp()).isGreaterThanOrEqualTo(before);
        assertThat(m.getJMSExpiration()).isEqualTo(m.getJMSTimestamp() + 60_000);
        assertThat(m.getJMSDeliveryTime()).isEqualTo(m.getJMSTimestamp());

        Message got = ctx.createConsumer(q).receive(RECEIVE_TIMEOUT_MS);
        assertThat(got.getJMSMessageID()).isEqualTo(m.getJMSMessageID());
        assertThat(got.getJMSPriority()).isEqualTo(7);
        assertThat(got.getJMSDestination()).isEqualTo(q);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void withoutTimeToLiveTheExpirationIsZero(TestDatabase db) throws Exception {
        JMSContext ctx = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        Queue q = freshQueue(ctx);
        ctx.createProducer().send(q, "no ttl");
        assertThat(ctx.createConsumer(q).receive(RECEIVE_TIMEOUT_MS).getJMSExpiration()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sendingToANullDestinationOrWithAClosedContextIsRefused(TestDatabase db) {
        JMSContext ctx = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        JMSProducer p = ctx.createProducer();
        assertThatThrownBy(() -> p.send(null, "x")).isInstanceOf(InvalidDestinationRuntimeException.class);
        Queue q = freshQueue(ctx);
        ctx.close();
        assertThatThrownBy(() -> p.send(q, "x")).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aClosedConsumerRefusesToReceive(TestDatabase db) {
        JMSContext ctx = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        JMSConsumer c = ctx.createConsumer(freshQueue(ctx));
        c.close();
        assertThatThrownBy(c::receiveNoWait).isInstanceOf(IllegalStateRuntimeException.class);
        assertThatThrownBy(() -> c.receiveBody(String.class, 10)).isInstanceOf(IllegalStateRuntimeException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDurableConsumerNeedsAClientIdAndASharedDurableOneDoesNot(TestDatabase db) {
        JMSContext ctx = context(db, JMSContext.AUTO_ACKNOWLEDGE);
        String suffix = java.util.UUID.randomUUID().toString().substring(0, 8);
        var t = ctx.createTopic("t-" + suffix);
        assertThatThrownBy(() -> ctx.createDurableConsumer(t, "needs-client-id"))
                .isInstanceOf(IllegalStateRuntimeException.class);
        JMSConsumer shared = ctx.createSharedDurableConsumer(t, "shared-" + suffix);
        ctx.createProducer().send(t, "to shared");
        assertThat(shared.receiveBody(String.class, RECEIVE_TIMEOUT_MS)).isEqualTo("to shared");
        shared.close();
        ctx.unsubscribe("shared-" + suffix);
    }
}
