package org.tablemq.ra.outbound;

import org.tablemq.jms.testing.TestDatabase;

class OutboundPostgresTest extends OutboundContract {
    @Override
    TestDatabase database() {
        return TestDatabase.POSTGRESQL;
    }
}
