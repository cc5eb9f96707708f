package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.IllegalStateException;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;

class AcknowledgeModesTest extends FacadeTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void clientAcknowledgeAcknowledgesEverythingTheSessionConsumed(TestDatabase db) throws JMSException {
        Connection conn = connect(db);
        Session s = conn.createSession(Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("client"));
        send(s, q, "a", "b");
        MessageConsumer c = s.createConsumer(q);
        c.receive(5000);
        Message second = c.receive(5000);
        second.acknowledge();
        s.close();
        Session again = conn.createSession(Session.CLIENT_ACKNOWLEDGE);
        assertThat(again.createConsumer(q).receive(300)).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void unacknowledgedClientMessagesComeBackAfterSessionClose(TestDatabase db) throws JMSException {
        Connection conn = connect(db);
        Session s = conn.createSession(Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("client-close"));
        send(s, q, "unacked");
        assertThat(text(s.createConsumer(q).receive(5000))).isEqualTo("unacked");
        s.close();
        Message again = conn.createSession(Session.CLIENT_ACKNOWLEDGE).createConsumer(q).receive(5000);
        assertThat(text(again)).isEqualTo("unacked");
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void recoverRedeliversUnacknowledgedMessagesInOrderMarkedRedelivered(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession(Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("recover"));
        send(s, q, "1", "2", "3");
        MessageConsumer c = s.createConsumer(q);
        c.receive(5000);
        c.receive(5000);
        s.recover();
        Message first = c.receive(5000);
        assertThat(text(first)).isEqualTo("1");
        assertThat(first.getJMSRedelivered()).isTrue();
        assertThat(first.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
        assertThat(text(c.receive(5000))).isEqualTo("2");
        Message third = c.receive(5000);
        assertThat(text(third)).isEqualTo("3");
        assertThat(third.getJMSRedelivered()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void dupsOkDeliversEveryMessageAndAcknowledgesThemByClose(TestDatabase db) throws JMSException {
        Connection conn = connect(db);
        Session s = conn.createSession(Session.DUPS_OK_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("dups"));
        send(s, q, "1", "2", "3");
        assertThat(drain(s.createConsumer(q))).containsExactly("1", "2", "3");
        s.close();
        assertThat(conn.createSession().createConsumer(q).receive(300)).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void acknowledgeAfterSessionCloseThrowsIllegalState(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession(Session.CLIENT_ACKNOWLEDGE);
        Queue q = s.createQueue(unique("ack-closed"));
        send(s, q, "x");
        Message m = s.createConsumer(q).receive(5000);
        s.close();
        assertThatThrownBy(m::acknowledge).isInstanceOf(IllegalStateException.class).hasMessageContaining("session");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void invalidAcknowledgeModeIsRefused(TestDatabase db) throws JMSException {
        Connection conn = connect(db);
        assertThatThrownBy(() -> conn.createSession(false, 42)).isInstanceOf(JMSException.class).hasMessageContaining("42");
    }
}
