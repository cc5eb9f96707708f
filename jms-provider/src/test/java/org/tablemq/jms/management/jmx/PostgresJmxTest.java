package org.tablemq.jms.management.jmx;

import org.tablemq.jms.testing.TestDatabase;

class PostgresJmxTest extends JmxContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
