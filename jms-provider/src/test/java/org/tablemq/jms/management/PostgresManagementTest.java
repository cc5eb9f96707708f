package org.tablemq.jms.management;

import org.tablemq.jms.testing.TestDatabase;

class PostgresManagementTest extends ManagementContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
