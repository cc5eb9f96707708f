package org.tablemq.jms.context;

import org.tablemq.jms.TableMQConnectionFactory;
import org.tablemq.jms.testing.TestDatabase;

/** Connection factories for the whole-stack tests: one database, one table prefix, the test database's user. */
public final class TestFactories {

    private TestFactories() {
    }

    public static TableMQConnectionFactory create(TestDatabase database, String url, String tablePrefix) {
        return create(url, database.user(), tablePrefix);
    }

    public static TableMQConnectionFactory create(String url, String user, String tablePrefix) {
        TableMQConnectionFactory factory = new TableMQConnectionFactory(url);
        factory.setUser(user);
        factory.setPassword("");
        factory.setTablePrefix(tablePrefix);
        return factory;
    }
}
