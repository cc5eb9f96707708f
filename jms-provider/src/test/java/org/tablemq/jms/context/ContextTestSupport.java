package org.tablemq.jms.context;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInstance;
import org.tablemq.jms.testing.TestDatabase;

/**
 * Whole-stack simplified-API tests: one factory per database and test class (own table prefix, own H2 file),
 * contexts closed after each test, a fresh queue name per test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ContextTestSupport {

    /** Long enough for a loaded machine, only ever waited for in full when a test fails. */
    static final long RECEIVE_TIMEOUT_MS = 10_000;
    /** How long a test waits to be sure nothing arrives. */
    static final long ABSENCE_MS = 500;

    private final String prefix = TestDatabase.uniquePrefix();
    private final Map<TestDatabase, ConnectionFactory> factories = new EnumMap<>(TestDatabase.class);
    private final List<JMSContext> opened = new CopyOnWriteArrayList<>();

    ConnectionFactory factory(TestDatabase database) {
        database.assumeAvailable();
        return factories.computeIfAbsent(database,
                db -> TestFactories.create(db, db.url(), prefix));
    }

    JMSContext context(TestDatabase database, int sessionMode) {
        JMSContext context = factory(database).createContext(sessionMode);
        opened.add(context);
        return context;
    }

    Queue freshQueue(JMSContext context) {
        return context.createQueue("q-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @AfterEach
    void closeContexts() {
        for (JMSContext c : opened) {
            c.close();
        }
        opened.clear();
    }
}
