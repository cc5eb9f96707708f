package org.tablemq.jms.xa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.XASession;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tablemq.jms.testing.TestDatabase;

/**
 * TableMQ and an H2 XA datasource in one JTA transaction of Narayana: two-phase commit, both ways.
 */
class NarayanaTwoPhaseTest extends XaTestBase {

    private static TransactionManager tm;
    private JdbcDataSource appDb;
    private XAConnection appXa;

    @BeforeAll
    static void narayana() throws Exception {
        tm = Narayana.transactionManager(Files.createTempDirectory("narayana-2pc"), "tablemq-2pc-test");
    }

    @BeforeEach
    void applicationDatabase() throws SQLException {
        appDb = new JdbcDataSource();
        appDb.setURL("jdbc:h2:mem:app-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        appDb.setUser("sa");
        try (Connection c = appDb.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE orders (id VARCHAR(40) PRIMARY KEY)");
            st.execute("INSERT INTO orders VALUES ('existing')");
        }
        appXa = appDb.getXAConnection();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (tm.getStatus() != Status.STATUS_NO_TRANSACTION) {
            tm.rollback();
        }
        appXa.close();
        try (Connection c = appDb.getConnection(); Statement st = c.createStatement()) {
            st.execute("SHUTDOWN");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void commitMakesBothTheMessageAndTheRowVisible(TestDatabase db) throws Exception {
        XASession s = xaSession(db);
        Queue q = s.createQueue(unique("orders"));
        tm.begin();
        enlist(s.getXAResource(), appXa.getXAResource());
        send(s, q, "order-1");
        insert("order-1");
        tm.commit();
        assertThat(rows("order-1")).isEqualTo(1);
        assertThat(contents(db, q)).containsExactly("order-1");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void rollbackLeavesNeitherTheMessageNorTheRow(TestDatabase db) throws Exception {
        XASession s = xaSession(db);
        Queue q = s.createQueue(unique("orders"));
        tm.begin();
        enlist(s.getXAResource(), appXa.getXAResource());
        send(s, q, "order-2");
        insert("order-2");
        tm.rollback();
        assertThat(rows("order-2")).isZero();
        assertThat(contents(db, q)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFailingInsertRollsBackTheSend(TestDatabase db) throws Exception {
        XASession s = xaSession(db);
        Queue q = s.createQueue(unique("orders"));
        tm.begin();
        enlist(s.getXAResource(), appXa.getXAResource());
        send(s, q, "order-3");
        assertThatThrownBy(() -> insert("existing")).isInstanceOf(SQLException.class);
        tm.setRollbackOnly();
        assertThatThrownBy(tm::commit).isInstanceOf(RollbackException.class);
        assertThat(contents(db, q)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aDatabaseThatVotesNoRollsBackTheSend(TestDatabase db) throws Exception {
        XASession s = xaSession(db);
        Queue q = s.createQueue(unique("orders"));
        tm.begin();
        enlist(s.getXAResource(), appXa.getXAResource(), new VetoingResource());
        send(s, q, "order-4");
        insert("order-4");
        assertThatThrownBy(tm::commit).isInstanceOf(RollbackException.class);
        assertThat(rows("order-4")).isZero();
        assertThat(contents(db, q)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void tableMQVotingNoRollsBackTheInsert(TestDatabase db) throws Exception {
        Queue q = xaSession(db).createQueue(unique("orders"));
        send(connection(db).createSession(), q, "payment");
        XASession s = xaSession(db);
        XAResource tableMq = s.getXAResource();
        tableMq.setTransactionTimeout(1);
        tm.begin();
        enlist(tableMq, appXa.getXAResource());
        assertThat(text(s.createConsumer(q).receive(5000))).isEqualTo("payment");
        insert("order-5");
        // TableMQ rolls its branch back when its own timeout expires: the message comes back meanwhile
        MessageConsumer other = connection(db).createSession().createConsumer(q);
        Message[] back = new Message[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> (back[0] = other.receive(200)) != null);
        assertThat(back[0].getJMSRedelivered()).isTrue();
        assertThatThrownBy(tm::commit).isInstanceOf(RollbackException.class);
        assertThat(rows("order-5")).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void consumeAndInsertCommitTogether(TestDatabase db) throws Exception {
        Queue q = xaSession(db).createQueue(unique("orders"));
        send(connection(db).createSession(), q, "order-6");
        XASession s = xaSession(db);
        tm.begin();
        enlist(s.getXAResource(), appXa.getXAResource());
        insert(text(s.createConsumer(q).receive(5000)));
        tm.commit();
        assertThat(rows("order-6")).isEqualTo(1);
        assertThat(contents(db, q)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void consumeAndInsertRollBackTogetherAndTheMessageIsRedelivered(TestDatabase db) throws Exception {
        Queue q = xaSession(db).createQueue(unique("orders"));
        send(connection(db).createSession(), q, "order-7");
        XASession s = xaSession(db);
        tm.begin();
        enlist(s.getXAResource(), appXa.getXAResource());
        insert(text(s.createConsumer(q).receive(5000)));
        tm.rollback();
        assertThat(rows("order-7")).isZero();
        Message again = connection(db).createSession().createConsumer(q).receive(5000);
        assertThat(text(again)).isEqualTo("order-7");
        assertThat(again.getJMSRedelivered()).isTrue();
        assertThat(again.getIntProperty("JMSXDeliveryCount")).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aTableMQResourceAloneIsCommittedInOnePhase(TestDatabase db) throws Exception {
        XASession s = xaSession(db);
        Queue q = s.createQueue(unique("orders"));
        tm.begin();
        enlist(s.getXAResource());
        send(s, q, "alone");
        tm.commit();
        assertThat(contents(db, q)).containsExactly("alone");
    }

    private static void enlist(XAResource... resources) throws Exception {
        for (XAResource r : resources) {
            assertThat(tm.getTransaction().enlistResource(r)).isTrue();
        }
    }

    private void insert(String id) throws SQLException {
        try (PreparedStatement ps = appXa.getConnection().prepareStatement("INSERT INTO orders VALUES (?)")) {
            ps.setString(1, id);
            ps.executeUpdate();
        }
    }

    private int rows(String id) throws SQLException {
        try (Connection c = appDb.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM orders WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
