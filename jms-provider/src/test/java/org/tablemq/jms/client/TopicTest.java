package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;

class TopicTest extends FacadeTestBase {

    private static void publish(Session s, Topic t, String... texts) throws JMSException {
        try (MessageProducer p = s.createProducer(t)) {
            for (String text : texts) {
                p.send(s.createTextMessage(text));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void publishedMessageReachesEverySubscriber(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Topic t = s.createTopic(unique("news"));
        MessageConsumer a = s.createConsumer(t);
        MessageConsumer b = s.createConsumer(t);
        publish(s, t, "extra");
        assertThat(text(a.receive(5000))).isEqualTo("extra");
        assertThat(text(b.receive(5000))).isEqualTo("extra");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nonDurableSubscriberMissesMessagesPublishedBeforeIt(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Topic t = s.createTopic(unique("early"));
        publish(s, t, "missed");
        MessageConsumer late = s.createConsumer(t);
        publish(s, t, "seen");
        assertThat(drain(late)).containsExactly("seen");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void durableSubscriptionKeepsMessagesWhileItsConsumerIsAway(TestDatabase db) throws JMSException {
        Connection conn = connectAs(db, unique("client"));
        Session s = conn.createSession();
        Topic t = s.createTopic(unique("durable"));
        String name = unique("sub");
        s.createDurableSubscriber(t, name).close();
        publish(s, t, "while away");
        MessageConsumer back = s.createDurableConsumer(t, name);
        assertThat(text(back.receive(5000))).isEqualTo("while away");
        back.close();
        s.unsubscribe(name);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unsubscribeDeletesTheDurableSubscriptionAndItsMessages(TestDatabase db) throws JMSException {
        Connection conn = connectAs(db, unique("client"));
        Session s = conn.createSession();
        Topic t = s.createTopic(unique("unsub"));
        String name = unique("sub");
        s.createDurableConsumer(t, name).close();
        publish(s, t, "dropped with the subscription");
        s.unsubscribe(name);
        assertThat(s.createDurableConsumer(t, name).receive(300)).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unsubscribeOfAnUnknownSubscriptionFails(TestDatabase db) throws JMSException {
        Connection conn = connectAs(db, unique("client"));
        Session s = conn.createSession();
        assertThatThrownBy(() -> s.unsubscribe(unique("nothing"))).isInstanceOf(InvalidDestinationException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unsubscribeWhileConsumingFails(TestDatabase db) throws JMSException {
        Connection conn = connectAs(db, unique("client"));
        Session s = conn.createSession();
        String name = unique("busy");
        s.createDurableConsumer(s.createTopic(unique("t")), name);
        assertThatThrownBy(() -> s.unsubscribe(name)).isInstanceOf(IllegalStateException.class).hasMessageContaining(name);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void durableSubscriptionWithoutClientIdIsRefused(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Topic t = s.createTopic(unique("noclient"));
        assertThatThrownBy(() -> s.createDurableSubscriber(t, "sub")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("client id");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sharedConsumersSplitTheSubscriptionsMessages(TestDatabase db) throws JMSException {
        Connection conn = connect(factory(db, f -> f.setPrefetch(1)));
        Session s1 = conn.createSession();
        Session s2 = conn.createSession();
        Topic t = s1.createTopic(unique("shared"));
        String name = unique("workers");
        MessageConsumer a = s1.createSharedConsumer(t, name);
        MessageConsumer b = s2.createSharedConsumer(t, name);
        publish(s1, t, "1", "2", "3", "4");
        List<String> all = new ArrayList<>(drain(a));
        all.addAll(drain(b));
        assertThat(all).containsExactlyInAnyOrder("1", "2", "3", "4");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sharedDurableSubscriptionKeepsMessagesWithoutConsumers(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Topic t = s.createTopic(unique("shared-durable"));
        String name = unique("sub");
        s.createSharedDurableConsumer(t, name).close();
        publish(s, t, "kept");
        MessageConsumer c = s.createSharedDurableConsumer(t, name);
        assertThat(text(c.receive(5000))).isEqualTo("kept");
        c.close();
        s.unsubscribe(name);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void noLocalSubscriberSkipsItsOwnConnectionsMessages(TestDatabase db) throws JMSException {
        var f = factory(db);
        Connection mine = connect(f);
        Session s = mine.createSession();
        Topic t = s.createTopic(unique("nolocal"));
        MessageConsumer c = s.createConsumer(t, null, true);
        publish(s, t, "own");
        Session other = connect(f).createSession();
        publish(other, t, "foreign");
        assertThat(drain(c)).containsExactly("foreign");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void topicSelectorIsAppliedPerSubscription(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Topic t = s.createTopic(unique("sel"));
        MessageConsumer big = s.createConsumer(t, "amount > 100");
        MessageConsumer all = s.createConsumer(t);
        try (MessageProducer p = s.createProducer(t)) {
            for (int amount : new int[] {50, 500}) {
                Message m = s.createTextMessage("amount " + amount);
                m.setIntProperty("amount", amount);
                p.send(m);
            }
        }
        assertThat(drain(big)).containsExactly("amount 500");
        assertThat(drain(all)).containsExactly("amount 50", "amount 500");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void topicSessionRefusesQueueCalls(TestDatabase db) throws JMSException {
        var conn = (jakarta.jms.TopicConnection) connect(db);
        var s = conn.createTopicSession(false, Session.AUTO_ACKNOWLEDGE);
        assertThatThrownBy(() -> s.createQueue("q")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(s::createTemporaryQueue).isInstanceOf(IllegalStateException.class);
    }
}
