package org.tablemq.jms.client;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.testing.TestDatabase;

/**
 * End-to-end facade tests through the real JDBC store: every test class gets its own table prefix (and its own H2
 * file), every test its own destination names, and every connection a test opens is closed after it.
 */
abstract class FacadeTestBase {

    /** Per test class: one table prefix, one H2 database. */
    private static final Map<Class<?>, String> PREFIXES = new ConcurrentHashMap<>();
    private static final Map<String, String> URLS = new ConcurrentHashMap<>();

    private final String prefix = PREFIXES.computeIfAbsent(getClass(), c -> TestDatabase.uniquePrefix());
    private final List<Connection> opened = new ArrayList<>();

    /** A factory on {@code db} with this class's prefix; {@code tune} may change options. */
    protected TableMQConnectionFactory factory(TestDatabase db, Consumer<TableMQConnectionFactory> tune) {
        db.assumeAvailable();
        String url = URLS.computeIfAbsent(getClass().getName() + "/" + db, k -> db.url());
        TableMQConnectionFactory f = new TableMQConnectionFactory(url);
        f.setUser(db.user());
        f.setPassword(db.password());
        f.setTablePrefix(prefix);
        tune.accept(f);
        return f;
    }

    protected TableMQConnectionFactory factory(TestDatabase db) {
        return factory(db, f -> { });
    }

    /** A started connection, closed after the test. */
    protected Connection connect(TableMQConnectionFactory f) throws JMSException {
        Connection c = f.createConnection();
        opened.add(c);
        c.start();
        return c;
    }

    /** A started connection with a client id, closed after the test. */
    protected Connection connectAs(TestDatabase db, String clientId) throws JMSException {
        Connection c = factory(db).createConnection();
        opened.add(c);
        c.setClientID(clientId);
        c.start();
        return c;
    }

    protected Connection connect(TestDatabase db) throws JMSException {
        return connect(factory(db));
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

    @AfterEach
    void closeConnections() throws JMSException {
        for (Connection c : opened) {
            c.close();
        }
        opened.clear();
    }
}
