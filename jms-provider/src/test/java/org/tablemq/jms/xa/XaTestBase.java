package org.tablemq.jms.xa;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.XAConnection;
import jakarta.jms.XASession;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.transaction.xa.XAException;
import org.assertj.core.api.ThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.testing.TestDatabase;

/**
 * XA tests through the real JDBC store: one table prefix per test class (and one H2 file per class), one queue
 * name per test, every connection closed after the test.
 */
abstract class XaTestBase {

    private final String prefix = TestDatabase.uniquePrefix();
    private final Map<TestDatabase, String> urls = new EnumMap<>(TestDatabase.class);
    private final List<AutoCloseable> opened = new ArrayList<>();

    protected TableMQConnectionFactory factory(TestDatabase db) {
        db.assumeAvailable();
        TableMQConnectionFactory f = new TableMQConnectionFactory(urls.computeIfAbsent(db, TestDatabase::url));
        f.setUser(db.user());
        f.setPassword(db.password());
        f.setTablePrefix(prefix);
        return f;
    }

    /** A started XA connection, closed after the test. */
    protected XAConnection xaConnection(TestDatabase db) throws JMSException {
        XAConnection c = factory(db).createXAConnection();
        opened.add(c);
        c.start();
        return c;
    }

    protected XASession xaSession(TestDatabase db) throws JMSException {
        return xaConnection(db).createXASession();
    }

    /** A started ordinary connection on the same store, closed after the test. */
    protected Connection connection(TestDatabase db) throws JMSException {
        Connection c = factory(db).createConnection();
        opened.add(c);
        c.start();
        return c;
    }

    protected <T extends AutoCloseable> T closeLater(T resource) {
        opened.add(resource);
        return resource;
    }

    protected static String unique(String what) {
        return what + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected static void send(Session s, Queue q, String... texts) throws JMSException {
        try (var p = s.createProducer(q)) {
            for (String t : texts) {
                p.send(s.createTextMessage(t));
            }
        }
    }

    protected static String text(Message m) throws JMSException {
        return m == null ? null : ((TextMessage) m).getText();
    }

    /** Texts received until the queue stays empty for a short while. */
    protected static List<String> drain(MessageConsumer c) throws JMSException {
        List<String> out = new ArrayList<>();
        for (Message m = c.receive(500); m != null; m = c.receive(500)) {
            out.add(text(m));
        }
        return out;
    }

    /** What an independent auto-acknowledge consumer finds on the queue now. */
    protected List<String> contents(TestDatabase db, Queue q) throws JMSException {
        try (Session s = connection(db).createSession()) {
            return drain(s.createConsumer(q));
        }
    }

    protected static void assertXaError(int code, ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(XAException.class,
                e -> org.assertj.core.api.Assertions.assertThat(e.errorCode).as("XA error code of: " + e.getMessage()).isEqualTo(code));
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        opened.clear();
    }
}
