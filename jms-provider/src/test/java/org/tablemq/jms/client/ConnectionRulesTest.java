package org.tablemq.jms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionMetaData;
import jakarta.jms.IllegalStateException;
import jakarta.jms.InvalidClientIDException;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.QueueConnection;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import jakarta.jms.XAQueueConnection;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.TableMQTopic;
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

    /** QueueConnection javadoc: createDurableConnectionConsumer "must throw an IllegalStateException". */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void queueConnectionRefusesDurableConnectionConsumersWithIllegalState(TestDatabase db) throws JMSException {
        TableMQConnectionFactory f = factory(db);
        Topic topic = new TableMQTopic(unique("durable-cc"));
        try (QueueConnection plain = f.createQueueConnection();
             QueueConnection withCredentials = f.createQueueConnection(db.user(), db.password());
             XAQueueConnection xa = f.createXAQueueConnection()) {
            for (QueueConnection c : List.of(plain, withCredentials, xa)) {
                assertThatThrownBy(() -> c.createDurableConnectionConsumer(topic, "sub", null, null, 1))
                        .isInstanceOf(IllegalStateException.class).hasMessageContaining("QueueConnection");
            }
        }
        try (Connection unified = f.createConnection()) {
            assertThatThrownBy(() -> unified.createDurableConnectionConsumer(topic, "sub", null, null, 1))
                    .isNotInstanceOf(IllegalStateException.class).hasMessageContaining("resource adapter");
        }
    }

    /** The javadoc of createConnection(user, password): JMSSecurityException "if client authentication fails". */
    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void wrongCredentialsGiveJMSSecurityException(TestDatabase db) throws JMSException {
        TableMQConnectionFactory f = factory(db);
        f.createConnection().close();   // the database exists (H2 creates it on first use), so only the login fails
        String user = db == TestDatabase.H2 ? db.user() : "tablemq_no_such_user";
        assertThatThrownBy(() -> f.createConnection(user, "wrong-password"))
                .isInstanceOf(JMSSecurityException.class)
                .hasMessageContaining("SQLState 28")
                .hasMessageNotContaining("wrong-password");
    }
}
