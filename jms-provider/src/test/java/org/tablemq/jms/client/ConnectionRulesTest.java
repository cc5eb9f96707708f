package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.util.Collections;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.testing.TestDatabase;

class ConnectionRulesTest extends FacadeTestBase {

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void clientIdCanBeSetOnlyOnce(TestDatabase db) throws JMSException {
        Connection c = connectAs(db, unique("once"));
        assertThatThrownBy(() -> c.setClientID("again")).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void clientIdCannotBeSetAfterTheConnectionWasUsed(TestDatabase db) throws JMSException {
        Connection c = connect(db);
        assertThatThrownBy(() -> c.setClientID(unique("late"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already been used");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void clientIdInUseByAnotherConnectionIsRefused(TestDatabase db) throws JMSException {
        String id = unique("taken");
        connectAs(db, id);
        Connection second = factory(db).createConnection();
        try {
            assertThatThrownBy(() -> second.setClientID(id)).isInstanceOf(InvalidClientIDException.class).hasMessageContaining(id);
        } finally {
            second.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void clientIdIsFreeAgainAfterItsConnectionCloses(TestDatabase db) throws JMSException {
        String id = unique("reused");
        TableMQConnectionFactory f = factory(db);
        Connection first = f.createConnection();
        first.setClientID(id);
        first.close();
        Connection second = f.createConnection();
        second.setClientID(id);
        assertThat(second.getClientID()).isEqualTo(id);
        second.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void factoryClientIdIsFixed(TestDatabase db) throws JMSException {
        String id = unique("administered");
        Connection c = factory(db, f -> f.setClientId(id)).createConnection();
        try {
            assertThat(c.getClientID()).isEqualTo(id);
            assertThatThrownBy(() -> c.setClientID("other")).isInstanceOf(IllegalStateException.class);
        } finally {
            c.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void closedObjectsThrowIllegalStateNamingThemselves(TestDatabase db) throws JMSException {
        Connection c = connect(db);
        Session s = c.createSession();
        Queue q = s.createQueue(unique("closed"));
        MessageProducer p = s.createProducer(q);
        MessageConsumer consumer = s.createConsumer(q);
        s.close();
        assertThatThrownBy(() -> s.createTextMessage()).isInstanceOf(IllegalStateException.class).hasMessageContaining("session");
        assertThatThrownBy(() -> p.send(null)).isInstanceOf(IllegalStateException.class).hasMessageContaining("producer");
        assertThatThrownBy(consumer::receiveNoWait).isInstanceOf(IllegalStateException.class).hasMessageContaining("consumer");
        c.close();
        assertThatThrownBy(c::createSession).isInstanceOf(IllegalStateException.class).hasMessageContaining("connection");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void closeIsIdempotent(TestDatabase db) throws JMSException {
        Connection c = factory(db).createConnection();
        Session s = c.createSession();
        s.close();
        s.close();
        c.close();
        c.close();
        assertThatThrownBy(c::start).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void closingTheConnectionClosesItsSessions(TestDatabase db) throws JMSException {
        Connection c = factory(db).createConnection();
        Session s = c.createSession();
        c.close();
        assertThatThrownBy(s::getAcknowledgeMode).isInstanceOf(IllegalStateException.class);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void metaDataDescribesJakartaMessaging31AndItsJmsxProperties(TestDatabase db) throws JMSException {
        ConnectionMetaData md = connect(db).getMetaData();
        assertThat(md.getJMSMajorVersion()).isEqualTo(3);
        assertThat(md.getJMSMinorVersion()).isEqualTo(1);
        assertThat(md.getJMSProviderName()).isEqualTo("TableMQ");
        assertThat(Collections.list(md.getJMSXPropertyNames())).contains("JMSXDeliveryCount", "JMSXGroupID", "JMSXGroupSeq");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void applicationServerFacilitiesAreRefusedWithAReason(TestDatabase db) throws JMSException {
        Connection c = connect(db);
        assertThatThrownBy(() -> c.createConnectionConsumer(null, null, null, 1)).isInstanceOf(JMSException.class)
                .hasMessageContaining("resource adapter");
    }
}
