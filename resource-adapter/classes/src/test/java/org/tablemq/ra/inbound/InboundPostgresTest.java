package org.tablemq.ra.inbound;

import org.tablemq.jms.testing.TestDatabase;

class InboundPostgresTest extends InboundContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
