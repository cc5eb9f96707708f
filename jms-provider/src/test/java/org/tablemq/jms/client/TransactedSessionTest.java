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

class TransactedSessionTest extends FacadeTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void sentMessagesAreInvisibleUntilCommit(TestDatabase db) throws JMSException {
        Connection conn = connect(db);
        Session tx = conn.createSession(Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(unique("tx-send"));
        send(tx, q, "pending");
        MessageConsumer c = conn.createSession().createConsumer(q);
        assertThat(c.receive(300)).isNull();
        tx.commit();
        assertThat(text(c.receive(5000))).isEqualTo("pending");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rollbackDiscardsSentMessages(TestDatabase db) throws JMSException {
        Connection conn = connect(db);
        Session tx = conn.createSession(true, Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(unique("tx-rollback-send"));
        send(tx, q, "discarded");
        tx.rollback();
        tx.commit();
        assertThat(conn.createSession().createConsumer(q).receive(300)).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rollbackRedeliversWithDeliveryCount2(TestDatabase db) throws JMSException {
        Session tx = connect(db).createSession(Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(unique("tx-redeliver"));
        send(tx, q, "again");
        tx.commit();
        MessageConsumer c = tx.createConsumer(q);
        assertThat(c.receive(5000).getJMSRedelivered()).isFalse();
        tx.rollback();
        Message m = c.receive(5000);
        assertThat(text(m)).isEqualTo("again");
        assertThat(m.getJMSRedelivered()).isTrue();
        assertThat(m.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void commitRemovesConsumedMessages(TestDatabase db) throws JMSException {
        Connection conn = connect(db);
        Session tx = conn.createSession(Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(unique("tx-consume"));
        send(tx, q, "consumed");
        tx.commit();
        assertThat(text(tx.createConsumer(q).receive(5000))).isEqualTo("consumed");
        tx.commit();
        tx.close();
        assertThat(conn.createSession().createConsumer(q).receive(300)).isNull();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void closingATransactedSessionRollsBack(TestDatabase db) throws JMSException {
        Connection conn = connect(db);
        Session tx = conn.createSession(Session.SESSION_TRANSACTED);
        Queue q = tx.createQueue(unique("tx-close"));
        send(tx, q, "kept");
        tx.commit();
        tx.createConsumer(q).receive(5000);
        tx.close();
        Message m = conn.createSession().createConsumer(q).receive(5000);
        assertThat(text(m)).isEqualTo("kept");
        assertThat(m.getJMSRedelivered()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void commitOnANonTransactedSessionThrowsIllegalState(TestDatabase db) throws JMSException {
        Session s = connect(db).createSession();
        assertThatThrownBy(s::commit).isInstanceOf(IllegalStateException.class).hasMessageContaining("not transacted");
        assertThatThrownBy(s::rollback).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void recoverOnATransactedSessionThrowsIllegalState(TestDatabase db) throws JMSException {
        Session tx = connect(db).createSession(Session.SESSION_TRANSACTED);
        assertThat(tx.getTransacted()).isTrue();
        assertThat(tx.getAcknowledgeMode()).isEqualTo(Session.SESSION_TRANSACTED);
        assertThatThrownBy(tx::recover).isInstanceOf(IllegalStateException.class);
    }
}
