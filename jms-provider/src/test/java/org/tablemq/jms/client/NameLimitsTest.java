package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.InvalidDestinationException;
import jakarta.jms.InvalidSelectorException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.TableMQQueue;
import org.tablemq.jms.testing.TestDatabase;

/**
 * The strings an application names things with are checked where they enter, with the limit in the message, the
 * same way on both databases; values at the limits work end to end.
 */
class NameLimitsTest extends FacadeTestBase {

    /** A unique string of exactly {@code length} characters. */
    private static String sized(String what, int length) {
        String start = unique(what) + "-";
        return start + "x".repeat(length - start.length());
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void queueNameOverTheLimitIsRefusedByCreateQueueNamingTheLimit(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        assertThatThrownBy(() -> s.createQueue(sized("long", 2001)))
                .isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("2001 characters, more than the limit of 2000");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void queueBuiltWithANameOverTheLimitIsRefusedBySendWithoutADatabaseError(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        MessageProducer p = s.createProducer(null);
        Queue tooLong = new TableMQQueue(sized("built", 2500));
        assertThatThrownBy(() -> p.send(tooLong, s.createTextMessage("x")))
                .isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("limit of 2000")
                .hasMessageNotContaining("SQLState");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void queueNameAtTheLimitCarriesMessages(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        Queue q = s.createQueue(sized("edge", 2000));
        send(s, q, "fits");
        assertThat(text(s.createConsumer(q).receive(5000))).isEqualTo("fits");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void nulInADestinationNameIsRefusedOnBothDatabases(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        assertThatThrownBy(() -> s.createTopic(unique("nul") + "\0end"))
                .isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("NUL character");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void queueNamesWithUnpairedSurrogatesAreRefusedSoTheyCannotCollide(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        String base = unique("sur");
        assertThatThrownBy(() -> s.createQueue(base + "\uD800"))
                .isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("unpaired surrogate U+D800");
        assertThatThrownBy(() -> s.createQueue(base + "\uDBFF"))
                .isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("unpaired surrogate U+DBFF");
        assertThatThrownBy(() -> s.createQueue(base + "\uDC00x"))
                .isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("unpaired surrogate U+DC00");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void queueNamesWithSurrogatePairsStayDistinct(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        String base = unique("pair");
        Queue grinning = s.createQueue(base + "\uD83D\uDE00");
        Queue rocket = s.createQueue(base + "\uD83D\uDE80");
        send(s, grinning, "grinning");
        send(s, rocket, "rocket");
        assertThat(text(s.createConsumer(rocket).receive(5000))).isEqualTo("rocket");
        assertThat(text(s.createConsumer(grinning).receive(5000))).isEqualTo("grinning");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void clientIdOverTheLimitIsRefusedBySetClientID(TestDatabase db) throws JMSException {
        Connection c = factory(db).createConnection();
        try {
            assertThatThrownBy(() -> c.setClientID(sized("client", 10_000)))
                    .isInstanceOf(InvalidClientIDException.class)
                    .hasMessageContaining("10000 characters, more than the limit of 1000");
            assertThatThrownBy(() -> c.setClientID(unique("client") + "\0"))
                    .isInstanceOf(InvalidClientIDException.class)
                    .hasMessageContaining("NUL character");
        } finally {
            c.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void factoryRefusesAClientIdOverTheLimit(TestDatabase db) {
        assertThatThrownBy(() -> factory(db).setClientId(sized("client", 1001)))
                .hasMessageContaining("clientId")
                .hasMessageContaining("1-1000 characters");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void durableSubscriptionAtEveryLimitReceivesMessages(TestDatabase db) throws JMSException {
        Connection c = connectAs(db, sized("client", 1000));
        Session s = c.createSession();
        Topic t = s.createTopic(sized("topic", 2000));
        String selector = "colour = '" + "x".repeat(10_000 - 11) + "'";
        assertThat(selector.length()).isEqualTo(10_000);
        MessageConsumer sub = s.createDurableConsumer(t, sized("sub", 1000), selector, false);
        var m = s.createTextMessage("kept");
        m.setStringProperty("colour", "x".repeat(10_000 - 11));
        s.createProducer(t).send(m);
        assertThat(text(sub.receive(5000))).isEqualTo("kept");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void subscriptionNameOverTheLimitIsRefusedNamingTheLimit(TestDatabase db) throws JMSException {
        Session s = connectAs(db, unique("client")).createSession();
        Topic t = s.createTopic(unique("topic"));
        assertThatThrownBy(() -> s.createDurableConsumer(t, sized("sub", 2300)))
                .isInstanceOf(JMSException.class)
                .hasMessageContaining("2300 characters, more than the limit of 1000")
                .hasMessageNotContaining("SQLState");
        assertThatThrownBy(() -> s.createSharedConsumer(t, sized("shared", 1001)))
                .isInstanceOf(JMSException.class)
                .hasMessageContaining("limit of 1000");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void durableSelectorOverTheLimitIsRefusedNamingTheLimit(TestDatabase db) throws JMSException {
        Session s = connectAs(db, unique("client")).createSession();
        Topic t = s.createTopic(unique("topic"));
        String selector = "colour = '" + "x".repeat(10_001 - 11) + "'";
        assertThatThrownBy(() -> s.createDurableConsumer(t, unique("sub"), selector, false))
                .isInstanceOf(InvalidSelectorException.class)
                .hasMessageContaining("10001 characters, more than the limit of 10000");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unsubscribeWithANulInTheNameIsRefusedWithoutADatabaseError(TestDatabase db) throws JMSException {
        Session s = connectAs(db, unique("client")).createSession();
        assertThatThrownBy(() -> s.unsubscribe(unique("sub") + "\0"))
                .isInstanceOf(InvalidDestinationException.class)
                .hasMessageContaining("NUL character");
    }
}
