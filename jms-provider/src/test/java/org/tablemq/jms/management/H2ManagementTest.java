package org.tablemq.jms.management;

import org.tablemq.jms.testing.TestDatabase;

class H2ManagementTest extends ManagementContract {

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }
}
